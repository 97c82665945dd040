/**
 * Escaping of untrusted text (API data, user input) for Teams markdown in TextBlock and
 * FactSet values. Teams renders links, emphasis and lists; API text such as
 * `[click](https://evil)` must show as typed, not become a link.
 */

const INLINE = /[\\`*_{}[\]()<>~|!#]/g;
// A line that would start a heading, list, quote or ordered list.
const LINE_START = /^(\s*)([-+>#]|\d+[.)])/gm;

/** Escape markdown so the text renders literally. null/undefined/blank becomes the dash. */
export function md(text: string | null | undefined, empty = '—'): string {
  if (text === null || text === undefined) return empty;
  const trimmed = String(text).trim();
  if (!trimmed) return empty;
  return (
    trimmed
      .replace(INLINE, (c) => `\\${c}`)
      .replace(LINE_START, (_m, ws: string, mark: string) => `${ws}\\${mark}`)
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
