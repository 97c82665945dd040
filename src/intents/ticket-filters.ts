/**
 * Turns the words of a tickets request into filters: "open high tickets about printer" ->
 * states [active], severities [2], text "printer".
 */
import { isDeviceName, scanTicketFilters, TICKET_STATES, type TicketState } from './entities';
import { clip } from './search-text';
import type { Token } from './tokens';
import { FAMILY_WORDS, FILLERS, TICKET_WORDS } from './vocabulary';

export interface TicketFilters {
  states: TicketState[];
  severities: number[];
  text?: string;
}

/** After these the rest of the message is the text to look for in titles. */
const TEXT_MARKERS: ReadonlySet<string> = new Set([
  'about',
  'regarding',
  're',
  'mentioning',
  'mention',
  'mentions',
  'containing',
  'contains',
  'contain',
  'titled',
  'title',
  'subject',
  'matching',
  'concerning',
  'named',
  'called',
  'like',
  'for',
]);

/** Not search text when left over without a marker ("show me the latest 5 tickets"). */
const NOT_TEXT: ReadonlySet<string> = new Set([
  ...FILLERS,
  ...TICKET_WORDS,
  'sev',
  'severity',
  'severities',
  'priority',
  'pri',
  'state',
  'states',
  'level',
  'that',
  'which',
  'are',
  'is',
  'were',
  'be',
  'only',
  'ones',
  'or',
  'recent',
  'newest',
  'oldest',
  'last',
  'first',
  'top',
  'text',
  'word',
  'words',
  'support',
  'microsoft',
  'mmd',
]);

/** A device word directly before a device name adds nothing to a title search. */
function isDeviceWordBeforeName(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return FAMILY_WORDS.get((tokens[i] as Token).lower) === 'devices' && next !== undefined && isDeviceName(next.raw);
}

/** Joins the words, leaving out fillers at either end ("created by jdoe please" -> "created by jdoe"). */
function textOf(tokens: readonly Token[], keep: (i: number) => boolean): string | undefined {
  const kept = tokens.filter((_, i) => keep(i) && !isDeviceWordBeforeName(tokens, i));
  let start = 0;
  let end = kept.length;
  while (start < end && NOT_TEXT.has((kept[start] as Token).lower)) start += 1;
  while (end > start && NOT_TEXT.has((kept[end - 1] as Token).lower)) end -= 1;
  const text = clip(
    kept
      .slice(start, end)
      .map((t) => t.raw)
      .join(' '),
  );
  return text !== '' ? text : undefined;
}

export function parseTicketFilters(tokens: readonly Token[]): TicketFilters {
  const markerAt = tokens.findIndex((t) => TEXT_MARKERS.has(t.lower));
  const head = markerAt < 0 ? tokens : tokens.slice(0, markerAt);
  let tail = markerAt < 0 ? [] : tokens.slice(markerAt + 1);
  // "whose title contains printer": several markers in a row, and articles, lead into the text.
  while (tail.length > 0 && (TEXT_MARKERS.has((tail[0] as Token).lower) || NOT_TEXT.has((tail[0] as Token).lower))) {
    tail = tail.slice(1);
  }
  const headScan = scanTicketFilters(head);
  const tailScan = scanTicketFilters(tail);
  // "tickets for high severity": what follows the marker is only more filters, not text.
  const tailIsFilters = tail.every((t, i) => tailScan.used[i] || NOT_TEXT.has(t.lower));
  const states = new Set([...headScan.states, ...(tailIsFilters ? tailScan.states : [])]);
  const severities = new Set([...headScan.severities, ...(tailIsFilters ? tailScan.severities : [])]);
  const text =
    markerAt >= 0 && !tailIsFilters
      ? textOf(tail, () => true)
      : textOf(head, (i) => !headScan.used[i] && !TICKET_WORDS.has((head[i] as Token).lower) && !/^\d+$/.test((head[i] as Token).lower));
  return {
    states: [...states].sort((a, b) => TICKET_STATES.indexOf(a) - TICKET_STATES.indexOf(b)),
    severities: [...severities].sort((a, b) => a - b),
    ...(text !== undefined ? { text } : {}),
  };
}
