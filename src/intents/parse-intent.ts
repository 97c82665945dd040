/**
 * What the admin typed -> what they asked for. Pure and total: every string gives an Intent,
 * unknown input gives suggestions from the command list. Order of the checks matters and is the
 * documentation: help, the two "make" requests, ticket ids, then the area a keyword names.
 */
import { findDeviceName } from './device-mention';
import { auditIntent } from './audit-intent';
import { graphIntent } from './graph-intent';
import { elevationIntent } from './elevation-intent';
import { isStrongDeviceName, isUpn, scanTicketFilters, toTicketId } from './entities';
import type { Intent } from './intent';
import { devicesIntent, usersIntent, whoIntent } from './lookup-intents';
import { normalizeText } from './normalize-text';
import { notifyIntent } from './notify-intent';
import { isElevationRequest, isNewTicketRequest } from './request-phrases';
import { suggestCommands } from './suggest-commands';
import { parseTicketFilters } from './ticket-filters';
import { tokenize, type Token } from './tokens';
import { FAMILY_PRIORITY, FAMILY_WORDS, FILLERS, HELP_PHRASES, HELP_WORDS, WHO_WORDS, type Family } from './vocabulary';

const HELP: Intent = { kind: 'help' };
const NOTES_WORDS: ReadonlySet<string> = new Set(['notes', 'note', 'comments', 'comment']);

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
    case 'tickets': {
      const id = notQuiteTicketId(tokens, at);
      if (id !== undefined) return { kind: 'ticket', id };
      return { kind: 'tickets', ...parseTicketFilters(tokens.filter((_, i) => i !== at)) };
    }
    case 'devices':
      return devicesIntent(tokens, at);
    case 'users':
      return usersIntent(tokens, at);
  }
}

const SINGULAR_TICKET_WORDS: ReadonlySet<string> = new Set(['ticket', 'case', 'incident']);
const ID_WORDS: ReadonlySet<string> = new Set(['id', 'number', 'no', 'nr', '#']);

/**
 * "ticket 12345": one word with a digit after a singular ticket word is meant as an id even
 * without the documented shape. It is looked up (the service says whether it exists, and the
 * answer says what ids look like) instead of listing every ticket.
 */
function notQuiteTicketId(tokens: readonly Token[], at: number): string | undefined {
  if (!SINGULAR_TICKET_WORDS.has((tokens[at] as Token).lower)) return undefined;
  const rest = tokens.filter((t, i) => i > at && !isFiller(t) && !ID_WORDS.has(t.lower));
  if (tokens.slice(0, at).some((t) => !isFiller(t))) return undefined;
  const only = rest.length === 1 ? (rest[0] as Token) : undefined;
  // Starts with a letter or digit (after an optional #): "-p1" is an option-like word, not an id.
  return only && /\d/.test(only.raw) && /^#?[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(only.raw)
    ? only.raw.replace(/^#/, '').toUpperCase()
    : undefined;
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
  const notify = notifyIntent(text);
  if (notify) return notify;
  const tokens = tokenize(text);
  if (isHelp(tokens)) return HELP;
  // Before the ticket phrasings: "new incident" is a security incident, not a ticket.
  const graph = graphIntent(tokens);
  if (graph) return graph;
  if (isNewTicketRequest(tokens)) {
    const deviceName = findDeviceName(tokens);
    return deviceName !== undefined ? { kind: 'newTicket', deviceName } : { kind: 'newTicket' };
  }
  if (isElevationRequest(tokens)) {
    const deviceName = findDeviceName(tokens);
    return deviceName !== undefined ? { kind: 'requestElevation', deviceName } : { kind: 'requestElevation' };
  }
  // `audit ticket MMD-…` filters the audit log: checked before a ticket id opens the ticket.
  const auditAt = tokens.findIndex((t) => FAMILY_WORDS.get(t.lower) === 'audit');
  if (auditAt >= 0 && tokens.slice(0, auditAt).every(isFiller)) return auditIntent(tokens.slice(auditAt));
  const ticketId = tokens.map((t) => toTicketId(t.raw)).find((id) => id !== undefined);
  if (ticketId !== undefined) return hasWord(tokens, NOTES_WORDS) ? { kind: 'notes', id: ticketId } : { kind: 'ticket', id: ticketId };
  const found = findFamily(tokens);
  return found ? byFamily(tokens, found.family, found.at, text) : withoutFamily(tokens, text);
}
