/**
 * Cleans what Teams delivers before the parser looks at it: leftover mention tags and other
 * markup, HTML entities (`&nbsp;` is common in Teams text), invisible and odd space characters.
 */

/** Longer messages are cut here: nobody types a command this long, and it bounds the work. */
export const MAX_INPUT_CHARS = 2000;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeEntity(whole: string, body: string): string {
  const lower = body.toLowerCase();
  const named = NAMED_ENTITIES[lower];
  if (named !== undefined) return named;
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    // Out-of-range or surrogate code points would throw or make broken strings.
    if (Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) {
      return String.fromCodePoint(code);
    }
    return ' ';
  }
  return whole;
}

/** Returns the text with markup removed and all runs of white space collapsed to one space. */
export function normalizeText(input: string): string {
  let s = typeof input === 'string' ? input.slice(0, MAX_INPUT_CHARS) : '';
  // A mention the bot layer did not strip: drop the tag together with the bot's name.
  s = s.replace(/<at\b[^<>]{0,200}>[^<]{0,200}<\/at>/gi, ' ');
  // Any other tag (Teams wraps text in <p>, links in <a>): keep the text, drop the tag.
  s = s.replace(/<\/?[A-Za-z][^<>]{0,500}>/g, ' ');
  s = s.replace(/&([A-Za-z]{2,6}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/g, decodeEntity);
  // Control, format (zero-width) and every kind of space become a plain space.
  s = s.replace(/[\p{Cc}\p{Cf}\p{Z}\s]+/gu, ' ');
  return s.trim();
}
