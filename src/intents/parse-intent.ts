/**
 * What the admin typed -> what they asked for. Pure and total: every string gives an Intent,
 * unknown input gives suggestions from the command list. Order of the checks matters and is the
 * documentation: help, the two "make" requests, ticket ids, then the area a keyword names.
 */
import { findDeviceName } from './device-mention';
import { isDeviceName, isStrongDeviceName, isUpn, scanTicketFilters, toTicketId } from './entities';
import type { Intent } from './intent';
import { normalizeText } from './normalize-text';
import { isElevationRequest, isNewTicketRequest } from './request-phrases';
import { clip } from './search-text';
import { suggestCommands } from './suggest-commands';
import { parseTicketFilters } from './ticket-filters';
import { tokenize, type Token } from './tokens';
import {
  FAMILY_PRIORITY, FAMILY_WORDS, FILLERS, HELP_PHRASES, HELP_WORDS, SEARCH_CONNECTORS,
  SINGULAR_DEVICE, WHO_WORDS, type Family,
} from './vocabulary';

const HELP: Intent = { kind: 'help' };
const NOTES_WORDS: ReadonlySet<string> = new Set(['notes', 'note', 'comments', 'comment']);
const DETAILS_WORDS: ReadonlySet<string> = new Set(['details', 'detail', 'info', 'information']);
const REQUEST_WORDS: ReadonlySet<string> = new Set(['request', 'requests']);

const isFiller = (t: Token): boolean => FILLERS.has(t.lower);
const hasWord = (tokens: readonly Token[], words: ReadonlySet<string>): boolean => tokens.some((t) => words.has(t.lower));

/** The highest-priority area named, with the position of its first keyword. */
function findFamily(tokens: readonly Token[]): { family: Family; at: number } | undefined {
  for (const family of FAMILY_PRIORITY) {
    const at = tokens.findIndex((t) => FAMILY_WORDS.get(t.lower) === family);
    if (at >= 0) return { family, at };
  }
  return undefined;
}

/** "of Adele please" -> "Adele": connectors in front and fillers behind are not the search. */
function searchWords(tokens: readonly Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && SEARCH_CONNECTORS.has((tokens[start] as Token).lower)) start += 1;
  while (end > start && FILLERS.has((tokens[end - 1] as Token).lower)) end -= 1;
  return tokens.slice(start, end);
}

/** "Adele's devices", "compliant devices": words in front of the keyword as the search. */
function searchBefore(tokens: readonly Token[]): string | undefined {
  const words = tokens.filter((t) => !isFiller(t) && !SEARCH_CONNECTORS.has(t.lower)).map((t) => t.raw.replace(/['\u2019]s$/i, ''));
  const text = clip(words.join(' '));
  return text !== '' ? text : undefined;
}

function joinSearch(tokens: readonly Token[]): string | undefined {
  const text = clip(tokens.map((t) => t.raw).join(' '));
  return text !== '' ? text : undefined;
}

function withSearch<K extends 'devices' | 'users'>(kind: K, search: string | undefined): { kind: K; search?: string } {
  return search !== undefined ? { kind, search } : { kind };
}

function devicesIntent(tokens: readonly Token[], at: number): Intent {
  const upn = tokens.find((t) => isUpn(t.raw));
  if (upn) return { kind: 'devices', search: upn.lower };
  const singular = SINGULAR_DEVICE.has((tokens[at] as Token).lower);
  const rest = searchWords(tokens.slice(at + 1));
  if (singular) {
    if (rest.length === 1 && isDeviceName((rest[0] as Token).raw)) return { kind: 'device', name: (rest[0] as Token).raw };
    const strong = rest.find((t) => isStrongDeviceName(t.raw));
    if (strong) return { kind: 'device', name: strong.raw };
  }
  if (rest.length > 0) return withSearch('devices', joinSearch(rest));
  // "MMD-1234 device details": the name came first.
  const before = tokens.slice(0, at);
  const named = before.find((t) => isStrongDeviceName(t.raw));
  if (named) return { kind: 'device', name: named.raw };
  return withSearch('devices', searchBefore(before));
}

function usersIntent(tokens: readonly Token[], at: number): Intent {
  const upn = tokens.find((t) => isUpn(t.raw));
  if (upn) return { kind: 'user', upn: upn.lower };
  const rest = searchWords(tokens.slice(at + 1));
  if (rest.length > 0) return withSearch('users', joinSearch(rest));
  return withSearch('users', searchBefore(tokens.slice(0, at)));
}

/** "elevation MMD-1234" and "password for X" are the details (a secret); plurals are the list. */
function elevationIntent(tokens: readonly Token[], family: Family, text: string): Intent {
  const deviceName = findDeviceName(tokens);
  const singular = tokens.some((t) => t.lower === 'elevation');
  const wantsDetails =
    family === 'secret' ||
    (singular && hasWord(tokens, DETAILS_WORDS)) ||
    (singular && !tokens.some((t) => t.lower === 'elevations') && !hasWord(tokens, REQUEST_WORDS) && deviceName !== undefined);
  if (!wantsDetails) return deviceName !== undefined ? { kind: 'elevations', deviceName } : { kind: 'elevations' };
  if (deviceName !== undefined) return { kind: 'elevation', deviceName };
  return { kind: 'unknown', text, suggestions: ['elevation'] };
}

/** "who is jdoe@contoso.com", "who is Adele", "who has MMD-1234". */
function whoIntent(tokens: readonly Token[]): Intent {
  const device = tokens.find((t) => isStrongDeviceName(t.raw));
  if (device) return { kind: 'device', name: device.raw };
  const rest = searchWords(tokens.slice(1).filter((t) => !['is', 'are', 'was', 'the'].includes(t.lower)));
  return withSearch('users', joinSearch(rest));
}

/** Only fillers and ticket filters ("open critical"): the tickets list is meant. */
function isOnlyFilters(tokens: readonly Token[]): boolean {
  const scan = scanTicketFilters(tokens);
  return scan.used.some(Boolean) && tokens.every((t, i) => scan.used[i] || isFiller(t));
}

function unknown(tokens: readonly Token[], text: string): Intent {
  const words = tokens.filter((t) => !isFiller(t)).map((t) => t.lower);
  return { kind: 'unknown', text, suggestions: suggestCommands(words) };
}

function byFamily(tokens: readonly Token[], family: Family, at: number, text: string): Intent {
  switch (family) {
    case 'audit':
      return { kind: 'audit' };
    case 'notes':
      // A ticket id would have been caught already: notes of what?
      return { kind: 'unknown', text, suggestions: ['notes'] };
    case 'secret':
    case 'elevation':
      return elevationIntent(tokens, family, text);
    case 'tickets':
      return { kind: 'tickets', ...parseTicketFilters(tokens.filter((_, i) => i !== at)) };
    case 'devices':
      return devicesIntent(tokens, at);
    case 'users':
      return usersIntent(tokens, at);
  }
}

/** No keyword: an entity alone ("MMD-1234", "jdoe@contoso.com"), a "who" question, or unknown. */
function withoutFamily(tokens: readonly Token[], text: string): Intent {
  const upn = tokens.find((t) => isUpn(t.raw));
  if (upn) return { kind: 'user', upn: upn.lower };
  const meaningful = tokens.filter((t) => !isFiller(t));
  if (WHO_WORDS.has((meaningful[0] as Token).lower)) return whoIntent(meaningful);
  if (isOnlyFilters(tokens)) return { kind: 'tickets', ...parseTicketFilters(tokens) };
  if (meaningful.length === 1 && isStrongDeviceName((meaningful[0] as Token).raw)) {
    return { kind: 'device', name: (meaningful[0] as Token).raw };
  }
  return unknown(tokens, text);
}

function isHelp(tokens: readonly Token[]): boolean {
  const meaningful = tokens.filter((t) => !isFiller(t));
  if (meaningful.length === 0 || HELP_WORDS.has((meaningful[0] as Token).lower)) return true;
  const sentence = ` ${tokens.map((t) => t.lower).join(' ')} `;
  return HELP_PHRASES.some((phrase) => sentence.includes(` ${phrase} `));
}

/**
 * Parses the text of a message (the bot's mention already stripped) into an Intent. Never
 * throws; looks at most at the first MAX_INPUT_CHARS characters.
 */
export function parseIntent(input: string): Intent {
  const text = normalizeText(input);
  const tokens = tokenize(text);
  if (isHelp(tokens)) return HELP;
  if (isNewTicketRequest(tokens)) {
    const deviceName = findDeviceName(tokens);
    return deviceName !== undefined ? { kind: 'newTicket', deviceName } : { kind: 'newTicket' };
  }
  if (isElevationRequest(tokens)) {
    const deviceName = findDeviceName(tokens);
    return deviceName !== undefined ? { kind: 'requestElevation', deviceName } : { kind: 'requestElevation' };
  }
  const ticketId = tokens.map((t) => toTicketId(t.raw)).find((id) => id !== undefined);
  if (ticketId !== undefined) return hasWord(tokens, NOTES_WORDS) ? { kind: 'notes', id: ticketId } : { kind: 'ticket', id: ticketId };
  const found = findFamily(tokens);
  return found ? byFamily(tokens, found.family, found.at, text) : withoutFamily(tokens, text);
}
