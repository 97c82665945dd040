/**
 * Search terms taken from the admin's words ("devices of Adele please" -> "Adele"), cut to a
 * sensible length.
 */
import type { Token } from './tokens';
import { FILLERS, SEARCH_CONNECTORS } from './vocabulary';

/** Search terms and title text longer than this are cut: no real search needs more. */
const MAX_SEARCH_CHARS = 100;

/** Cuts a search term to MAX_SEARCH_CHARS, never leaving white space at the ends. */
export function clip(text: string): string {
  return text.slice(0, MAX_SEARCH_CHARS).trim();
}

/** "of Adele please" -> "Adele": connectors in front and fillers behind are not the search. */
export function searchWords(tokens: readonly Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && SEARCH_CONNECTORS.has((tokens[start] as Token).lower)) start += 1;
  while (end > start && FILLERS.has((tokens[end - 1] as Token).lower)) end -= 1;
  return tokens.slice(start, end);
}

/** "Adele's devices", "compliant devices": words in front of the keyword as the search. */
export function searchBefore(tokens: readonly Token[]): string | undefined {
  const words = tokens
    .filter((t) => !FILLERS.has(t.lower) && !SEARCH_CONNECTORS.has(t.lower))
    .map((t) => t.raw.replace(/['\u2019]s$/i, ''));
  const text = clip(words.join(' '));
  return text !== '' ? text : undefined;
}

export function joinSearch(tokens: readonly Token[]): string | undefined {
  const text = clip(tokens.map((t) => t.raw).join(' '));
  return text !== '' ? text : undefined;
}

export function withSearch<K extends 'devices' | 'users'>(kind: K, search: string | undefined): { kind: K; search?: string } {
  return search !== undefined ? { kind, search } : { kind };
}
