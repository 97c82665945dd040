import type { TicketSnapshot } from './ticket-snapshot';

/** `subscribe all [severity <= N] [state ...]`: which tenant tickets a conversation follows. */
export interface SubscriptionFilter {
  /** Only tickets with severity <= this (1 critical .. 4 low); absent = any. */
  maxSeverity?: number;
  /** Only tickets in one of these states (lower case); absent or empty = any. */
  states?: string[];
  /** When the conversation started following (ISO): notes written since then are news. */
  since?: string;
}

export function matchesFilter(filter: SubscriptionFilter, ticket: Pick<TicketSnapshot, 'severity' | 'state'>): boolean {
  if (filter.maxSeverity !== undefined && (ticket.severity === null || ticket.severity > filter.maxSeverity)) return false;
  if (filter.states?.length) {
    const state = (ticket.state ?? '').trim().toLowerCase();
    if (!filter.states.some((s) => s.trim().toLowerCase() === state)) return false;
  }
  return true;
}

const STATE_WORD = /^[a-z][a-z -]{0,30}$/;

/**
 * The words after `subscribe all`: `[severity <= N] [state s1 s2 ...]` (also `severity<=2`,
 * `sev 2`, `state active,resolved`). Returns the filter, or an error sentence for the user.
 */
export function parseSubscriptionFilter(text: string): { filter: SubscriptionFilter } | { error: string } {
  const filter: SubscriptionFilter = {};
  let rest = text.trim().toLowerCase();
  const severity = /^(?:severity|sev)\s*(?:<=|=<|≤)?\s*(\d)\b\s*/.exec(rest);
  if (severity) {
    const n = Number(severity[1]);
    if (n < 1 || n > 4) return { error: 'Severity goes from 1 (critical) to 4 (low).' };
    filter.maxSeverity = n;
    rest = rest.slice(severity[0].length);
  }
  const state = /^(?:state|states)\s+(.+)$/.exec(rest);
  if (state) {
    const states = state[1]!.split(/[\s,]+/).filter(Boolean);
    if (!states.every((s) => STATE_WORD.test(s))) return { error: 'States are words such as active or resolved.' };
    filter.states = [...new Set(states)];
    rest = '';
  }
  if (rest.trim() !== '')
    return { error: 'Try "subscribe all", "subscribe all severity <= 2" or "subscribe all severity <= 2 state active".' };
  return { filter };
}

/** The filter in words, for the subscriptions card: "every ticket", "severity 2 or more urgent, state active". */
export function describeFilter(filter: SubscriptionFilter): string {
  const parts: string[] = [];
  if (filter.maxSeverity !== undefined) parts.push(`severity ${filter.maxSeverity} or more urgent`);
  if (filter.states?.length) parts.push(`state ${filter.states.join(' or ')}`);
  return parts.length ? `every ticket with ${parts.join(', ')}` : 'every ticket';
}
