/**
 * Escaping of untrusted text (API data, user input) for Teams markdown in TextBlock and
 * FactSet values. Teams renders links, emphasis and lists; API text such as
 * `[click](https://evil)` must show as typed, not become a link.
 */

const INLINE = /[\\`*_{}[\]()<>~|!#]/g;
// A line that would start a heading, list or quote.
const LINE_START = /^(\s*)([-+>#])/gm;
// An ordered list item ("1. x"): the dot is escaped, not the digit ("\1" would show the backslash,
// CommonMark only escapes punctuation); "10.0.19043" is no list item and stays as it is.
const ORDERED = /^(\s*\d+)([.)])(?=\s|$)/gm;

/** Escape markdown so the text renders literally. null/undefined/blank becomes the dash. */
export function md(text: string | null | undefined, empty = '—'): string {
  if (text === null || text === undefined) return empty;
  const trimmed = String(text).trim();
  if (!trimmed) return empty;
  return (
    trimmed
      .replace(INLINE, (c) => `\\${c}`)
      .replace(LINE_START, (_m, ws: string, mark: string) => `${ws}\\${mark}`)
      .replace(ORDERED, (_m, number: string, mark: string) => `${number}\\${mark}`)
      // Stop auto-linking of bare URLs and www. hosts: a zero-width space keeps the text readable.
      .replace(/:\/\//g, ':\u200B//')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200B.`)
  );
}

/** Plain text for a TextRun or an input's value (no markdown there): only null handling. */
export function plain(text: string | null | undefined, empty = '—'): string {
  if (text === null || text === undefined) return empty;
  const trimmed = String(text).trim();
  return trimmed ? trimmed : empty;
}

/** Shorten to at most `max` characters, on a word boundary when one is near. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** md() of text cut to `max` characters first (cutting after escaping could split an escape). */
export function mdShort(text: string | null | undefined, max: number, empty = '—'): string {
  if (text === null || text === undefined) return empty;
  return md(truncate(String(text).trim(), max), empty);
}

/** Escaped, non-blank parts (each cut to `max`) joined with `separator`, or `empty` when none is set. */
export function mdJoin(parts: Array<string | null | undefined>, max: number, empty = '—', separator = ' · '): string {
  const set = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return set.length ? set.map((p) => mdShort(p, max)).join(separator) : empty;
}
