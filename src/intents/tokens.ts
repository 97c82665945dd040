/** A word of the admin's message: `raw` keeps the case for search text, `lower` is for matching. */
export interface Token {
  raw: string;
  lower: string;
}

// Separators that never belong inside an entity (ticket ids, UPNs, device names).
const SEPARATORS = /[\s,;:=()[\]{}<>"`|\u201c\u201d]+/;

// Trimmed from both ends of a word: sentence punctuation, quotes, markdown emphasis, a leading
// slash from slash-command habits, `#` before ids.
const EDGE_CHARS = new Set([...`'.!?*_~#/\\\u2018\u2019\u2026`]);

/** Trims EDGE_CHARS from both ends with a plain loop (a regex like `[...]+$` can go quadratic). */
function trimEdges(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && EDGE_CHARS.has(word[start] as string)) start += 1;
  while (end > start && EDGE_CHARS.has(word[end - 1] as string)) end -= 1;
  return word.slice(start, end);
}

/** Splits normalised text into words, dropping punctuation around them. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const part of text.split(SEPARATORS)) {
    const raw = trimEdges(part);
    if (raw !== '') tokens.push({ raw, lower: raw.toLowerCase() });
  }
  return tokens;
}
