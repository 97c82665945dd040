/**
 * Untrusted text (API data, user input) for cards. Cards put such text only in TextRuns
 * (RichTextBlock) and labelled values as ColumnSets of TextRuns, never in a TextBlock or a
 * FactSet value: a TextRun processes no markdown and makes no links, so `[click](https://evil)`,
 * `**x**` or `${secret}` show exactly as typed, with no backslash escapes (Teams mobile shows
 * those). Markdown is kept only for our own words in static template text.
 * test/cards/card-checks.ts checks that no templated text reaches a TextBlock or FactSet.
 */

declare const plainBrand: unique symbol;
/**
 * Text fit for a card: untrusted text through plain() and its kin, or our own words through
 * words(). renderCard takes no other string in its data (render.ts), so tsc refuses API or user
 * text that skipped them. Templates still put it in TextRuns only (test/cards/card-checks.ts).
 */
export type Plain = string & { readonly [plainBrand]: true };

/** Our own words (labels, counts, formatted dates): never text from the API or a user. */
export function words(text: string): Plain {
  return text as Plain;
}

/** Text as typed, trimmed; null/undefined/blank becomes the dash. Line breaks are kept. */
export function plain(text: string | null | undefined, empty = '—'): Plain {
  if (text === null || text === undefined) return empty as Plain;
  const trimmed = String(text).trim();
  return (trimmed ? trimmed : empty) as Plain;
}

/** Shorten to at most `max` characters, on a word boundary when one is near. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** plain() of text cut to `max` characters. */
export function plainShort(text: string | null | undefined, max: number, empty = '—'): Plain {
  if (text === null || text === undefined) return empty as Plain;
  return plain(truncate(String(text).trim(), max), empty);
}

/** Non-blank parts (each cut to `max`) joined with `separator`, or `empty` when none is set. */
export function plainJoin(parts: Array<string | null | undefined>, max: number, empty = '—', separator = ' · '): Plain {
  const set = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return (set.length ? set.map((p) => plainShort(p, max)).join(separator) : empty) as Plain;
}
