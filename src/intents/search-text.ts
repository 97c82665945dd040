/** Search terms and title text longer than this are cut: no real search needs more. */
export const MAX_SEARCH_CHARS = 100;

/** Cuts a search term to MAX_SEARCH_CHARS, never leaving white space at the ends. */
export function clip(text: string): string {
  return text.slice(0, MAX_SEARCH_CHARS).trim();
}
