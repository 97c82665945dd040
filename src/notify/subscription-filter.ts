import type { TicketSnapshot } from './ticket-snapshot';

/** `subscribe all [severity <= N] [state ...]`: which tenant tickets a conversation follows. */
export interface SubscriptionFilter {
  /** Only tickets with severity <= this (1 critical .. 4 low); absent = any. */
  maxSeverity?: number;
  /** Only tickets in one of these states (lower case); absent or empty = any. */
  states?: string[];
}

export function matchesFilter(filter: SubscriptionFilter, ticket: Pick<TicketSnapshot, 'severity' | 'state'>): boolean {
  if (filter.maxSeverity !== undefined && (ticket.severity === null || ticket.severity > filter.maxSeverity)) return false;
  if (filter.states?.length) {
    const state = (ticket.state ?? '').trim().toLowerCase();
    if (!filter.states.some((s) => s.trim().toLowerCase() === state)) return false;
  }
  return true;
}
