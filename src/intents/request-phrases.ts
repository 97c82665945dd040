/**
 * Recognises the two "make something" requests, which read like the list commands but are not:
 * "open a ticket" (not "open tickets"), "request admin on X" (not "elevation requests").
 */
import { isTicketId } from './entities';
import type { Token } from './tokens';
import { CREATE_BETWEEN, CREATE_NOUNS, CREATE_VERBS, ELEVATE_BETWEEN, ELEVATE_NOT_AFTER, ELEVATE_NOUNS, ELEVATE_VERBS } from './vocabulary';

/** May come before "open ticket" without making "open" an adjective ("show open ticket"). */
const POLITE: ReadonlySet<string> = new Set([
  'please',
  'pls',
  'kindly',
  'can',
  'could',
  'would',
  'you',
  'i',
  "i'd",
  'want',
  'to',
  'like',
  'need',
  'hey',
]);

/** How many small words may stand between a verb and its noun ("raise a new support ticket"). */
const MAX_GAP = 4;

/** Index of the first noun reached from `verbAt` over only `between` words, or -1. */
function nounAfter(tokens: readonly Token[], verbAt: number, nouns: ReadonlySet<string>, between: ReadonlySet<string>): number {
  const last = Math.min(tokens.length - 1, verbAt + MAX_GAP + 1);
  for (let i = verbAt + 1; i <= last; i += 1) {
    const word = (tokens[i] as Token).lower;
    if (nouns.has(word)) return i;
    if (!between.has(word)) return -1;
  }
  return -1;
}

const isSingularTicketNoun = (word: string | undefined): boolean => word !== undefined && CREATE_NOUNS.has(word) && !word.endsWith('s');

/**
 * "new ticket", "create a ticket", "raise a support case", "report a problem",
 * "open a ticket about X". "new tickets" and "open tickets" are lists; "open ticket <id>" opens one.
 */
export function isNewTicketRequest(tokens: readonly Token[]): boolean {
  const hasTicketId = tokens.some((t) => isTicketId(t.raw));
  return tokens.some((token, i) => {
    const word = token.lower;
    if (CREATE_VERBS.has(word)) return nounAfter(tokens, i, CREATE_NOUNS, CREATE_BETWEEN) >= 0;
    if (word === 'new') {
      const at = nounAfter(tokens, i, CREATE_NOUNS, new Set(['support', 'service']));
      return at >= 0 && isSingularTicketNoun(tokens[at]?.lower);
    }
    if (word === 'open' && !hasTicketId) {
      const next = tokens[i + 1]?.lower;
      if (next === 'a' || next === 'an' || next === 'another') return nounAfter(tokens, i, CREATE_NOUNS, CREATE_BETWEEN) >= 0;
      // "open ticket" at the start with nothing to open: a new one is meant.
      return isSingularTicketNoun(next) && tokens.slice(0, i).every((t) => POLITE.has(t.lower));
    }
    return false;
  });
}

/**
 * "request elevation", "elevate X", "request admin on X", "I need local admin rights on X",
 * "create an elevation request". Not "elevation requests" or "get admin password for X".
 */
export function isElevationRequest(tokens: readonly Token[]): boolean {
  return tokens.some((token, i) => {
    if (token.lower === 'elevate') return true;
    if (!ELEVATE_VERBS.has(token.lower)) return false;
    const at = nounAfter(tokens, i, ELEVATE_NOUNS, ELEVATE_BETWEEN);
    return at >= 0 && !ELEVATE_NOT_AFTER.has(tokens[at + 1]?.lower ?? '');
  });
}
