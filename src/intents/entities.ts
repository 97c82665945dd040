/**
 * Things the admin names in a message, recognised wherever they appear: ticket ids, UPNs,
 * device names, ticket severities and states. Every pattern is anchored and bounded, so matching
 * a word costs at most its length (no catastrophic backtracking).
 */
import { normalizeText } from './normalize-text';
import { TICKET_ID_PATTERN } from './ticket-id';
import { tokenize, type Token } from './tokens';

const UPN_PATTERN = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,63}$/;
/** MMD's own device names (`MMD-123456789`) may be longer than a Windows host name. */
const MMD_DEVICE_PATTERN = /^MMD-\d{3,20}$/i;
/** A Windows host name: 1-15 letters, digits and dashes, not starting or ending with a dash. */
const HOST_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,13}[A-Za-z0-9])?$/;
/** Prefixes that make a dashed name a device even without digits (`LAPTOP-XYZ`). */
const HOST_PREFIX_PATTERN = /^(?:desktop|laptop|mmd|pc|win|ws|nb|cpc|vm)-/i;
/** `s2`, `p2`, `sev2`, `sev-2`, `priority2`: severity shorthands, never device names. */
const SEVERITY_TOKEN_PATTERN = /^(?:s|p|sev|severity|pri|priority)-?([1-4])$/i;

export type TicketState = 'new' | 'active' | 'resolved' | 'closed';
export const TICKET_STATES: readonly TicketState[] = ['new', 'active', 'resolved', 'closed'];

/*
 * Ticket states. The API document types `state` as "Ticket State" without listing the values;
 * its examples and filters use the lower-case words 'active' and 'resolved'
 * (`$filter=state eq 'resolved'`), and the service's tickets carry 'new', 'active', 'resolved'
 * and 'closed' (the sandbox data has all four). So `tickets active` means exactly the service's
 * `state eq 'active'` (not "anything not closed"); "open" is read as active, the same word the
 * service uses for a ticket being worked on.
 */
const STATE_WORDS: ReadonlyMap<string, TicketState> = new Map([
  ['new', 'new'],
  ['active', 'active'],
  ['open', 'active'],
  ['resolved', 'resolved'],
  ['closed', 'closed'],
]);
const SEVERITY_WORDS: ReadonlyMap<string, number> = new Map([
  ['critical', 1],
  ['high', 2],
  ['moderate', 3],
  ['medium', 3],
  ['low', 4],
]);
/** Words after which bare digits are severities ("severity 2 or 3"). */
const SEVERITY_MARKERS: ReadonlySet<string> = new Set(['sev', 'severity', 'severities', 'priority', 'pri']);
const JOINERS: ReadonlySet<string> = new Set(['or', 'and', '&', '+']);

export function isTicketId(word: string): boolean {
  return TICKET_ID_PATTERN.test(word);
}

/** Ticket ids are compared and shown upper-cased; undefined when the word is not one. */
export function toTicketId(word: string): string | undefined {
  return isTicketId(word) ? word.toUpperCase() : undefined;
}

export function isUpn(word: string): boolean {
  return word.length <= 320 && UPN_PATTERN.test(word);
}

export function severityOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  const named = SEVERITY_WORDS.get(lower);
  if (named !== undefined) return named;
  const match = SEVERITY_TOKEN_PATTERN.exec(lower);
  return match ? Number(match[1]) : undefined;
}

export function stateOf(word: string): TicketState | undefined {
  return STATE_WORDS.get(word.toLowerCase());
}

/**
 * Could this word name a device? MMD names, or host-name-shaped words with a dash or a digit and
 * at least one letter. Ticket ids and severity shorthands never count: they win over devices.
 */
export function isDeviceName(word: string): boolean {
  if (isTicketId(word) || SEVERITY_TOKEN_PATTERN.test(word)) return false;
  if (MMD_DEVICE_PATTERN.test(word)) return true;
  return HOST_NAME_PATTERN.test(word) && /[0-9-]/.test(word) && /[A-Za-z]/.test(word);
}

/**
 * A device name too distinctive to be an ordinary word: an MMD name, or a dashed host name with
 * a digit or a well-known prefix (`DESKTOP-AB12CD`, `LAPTOP-XYZ`). "wi-fi" or "win10" are not.
 */
export function isStrongDeviceName(word: string): boolean {
  if (!isDeviceName(word)) return false;
  if (MMD_DEVICE_PATTERN.test(word)) return true;
  return word.includes('-') && (/\d/.test(word) || HOST_PREFIX_PATTERN.test(word));
}

export interface FilterScan {
  states: TicketState[];
  severities: number[];
  /** used[i] is true when tokens[i] was read as a filter (or filter syntax like "severity"). */
  used: boolean[];
}

function bareSeverities(word: string): number[] {
  if (/^[1-4]$/.test(word)) return [Number(word)];
  const range = /^([1-4])-([1-4])$/.exec(word);
  if (!range) return [];
  const [from, to] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [number, number];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Reads ticket states and severities from words: "open", "high", "sev 2", "s2",
 * "severity 2 or 3", "priority 1-2". Results are sorted and without repeats.
 */
export function scanTicketFilters(tokens: readonly Token[]): FilterScan {
  const states = new Set<TicketState>();
  const severities = new Set<number>();
  const used = tokens.map(() => false);
  for (let i = 0; i < tokens.length; i += 1) {
    const word = (tokens[i] as Token).lower;
    const state = stateOf(word);
    const severity = severityOf(word);
    if (state !== undefined) states.add(state);
    if (severity !== undefined) severities.add(severity);
    if (state !== undefined || severity !== undefined) {
      used[i] = true;
    } else if (SEVERITY_MARKERS.has(word)) {
      used[i] = true;
      // Digits after the marker are severities until a word that is not one.
      let j = i + 1;
      for (; j < tokens.length; j += 1) {
        const next = (tokens[j] as Token).lower;
        const numbers = bareSeverities(next);
        const named = severityOf(next);
        if (numbers.length > 0) numbers.forEach((n) => severities.add(n));
        else if (named !== undefined) severities.add(named);
        else if (!JOINERS.has(next)) break;
        used[j] = true;
      }
      i = j - 1;
    }
  }
  return {
    states: TICKET_STATES.filter((s) => states.has(s)),
    severities: [...severities].sort((a, b) => a - b),
    used,
  };
}

export interface Entities {
  ticketIds: string[];
  upns: string[];
  deviceNames: string[];
  states: TicketState[];
  severities: number[];
}

/** Every entity in a message, in order of appearance, without repeats. For reuse outside the parser. */
export function extractEntities(text: string): Entities {
  const tokens = tokenize(normalizeText(text));
  const unique = (words: string[]): string[] => [...new Set(words)];
  const filters = scanTicketFilters(tokens);
  return {
    ticketIds: unique(tokens.flatMap((t) => toTicketId(t.raw) ?? [])),
    upns: unique(tokens.filter((t) => isUpn(t.raw)).map((t) => t.lower)),
    deviceNames: unique(tokens.filter((t) => isDeviceName(t.raw)).map((t) => t.raw)),
    states: filters.states,
    severities: filters.severities,
  };
}
