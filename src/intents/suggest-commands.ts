/**
 * "Did you mean ...?" for a message the parser did not understand: the commands closest to the
 * first word(s) by edit distance, read from the one command list.
 */
import { distance } from 'fastest-levenshtein';
import { COMMANDS } from './commands';
import type { IntentKind } from './intent';

const MAX_SUGGESTIONS = 3;

/** Commands that make no sense without an argument: not offered when none was typed. */
const NEEDS_ARGUMENT: ReadonlySet<IntentKind> = new Set(['device', 'user', 'ticket', 'notes', 'elevation']);

/** Long words cost time and are never close to a command anyway. */
const MAX_WORD_CHARS = 40;

interface Scored {
  name: string;
  order: number;
  /** Distance to the name or its singular/plural twin ("devcie" is as near "devices" as "device"). */
  loose: number;
  exact: number;
  fitsArgument: boolean;
}

function score(words: readonly string[], name: string, kind: IntentKind, order: number, secondary: boolean): Scored | undefined {
  const parts = name.split(' ');
  const typed = words.slice(0, parts.length).join(' ');
  const twin = name.endsWith('s') ? name.slice(0, -1) : `${name}s`;
  let exact = distance(typed, name);
  let loose = Math.min(exact, distance(typed, twin));
  // The Graph commands share head words with others ("new", "report"): their head alone counts
  // only when nothing else was typed, so "new tiket" does not suggest "new incident".
  if (parts.length > 1 && (!secondary || words.length === 1)) {
    // "reqest" alone still points at "request elevation".
    const head = distance(words[0] as string, parts[0] as string);
    exact = Math.min(exact, head);
    loose = Math.min(loose, head);
  }
  const limit = typed.length <= 3 ? 1 : 2;
  const prefix = (words[0] as string).length >= 3 && name.startsWith(typed);
  if (loose > limit && !prefix) return undefined;
  const hasArgument = words.length > parts.length;
  return { name, order, loose, exact, fitsArgument: hasArgument || !NEEDS_ARGUMENT.has(kind) };
}

/**
 * Up to MAX_SUGGESTIONS command names close to the first words typed (already stripped of
 * fillers like "please"), best first. Commands needing an argument are left out when none was
 * typed, unless nothing else is close.
 */
export function suggestCommands(words: readonly string[]): string[] {
  const lower = words.map((w) => w.toLowerCase().slice(0, MAX_WORD_CHARS)).filter((w) => w !== '');
  if (lower.length === 0) return [];
  const close = COMMANDS.flatMap((c, i) => score(lower, c.name, c.intent, i, c.secondary === true) ?? []);
  const fitting = close.filter((c) => c.fitsArgument);
  return (fitting.length > 0 ? fitting : close)
    .sort((a, b) => a.loose - b.loose || a.exact - b.exact || a.order - b.order)
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => c.name);
}
