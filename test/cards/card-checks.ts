import { VERBS, isVerb } from '../../src/protocol/verbs';
import { findActions, markdownText, validateCard, visibleText } from '../helpers/card-validation';
import { INJECTION } from './sample-data';

type Json = Record<string, unknown>;

/**
 * The checks every display card must pass, whatever the data: valid 1.5 with no warnings, no
 * "null"/"undefined"/"NaN" shown, markdown in API text escaped (no link, no bare URL, no HTML
 * tag), every button's verb known with data its schema accepts, links only to Microsoft hosts.
 */
export function expectCleanCard(card: unknown): void {
  expect(validateCard(card, { allowLiterals: [INJECTION] })).toEqual([]);
  for (const text of visibleText(card)) expect(text).not.toMatch(/\b(null|undefined|NaN)\b|\[object Object\]/);
  for (const text of markdownText(card)) {
    expect(text).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/); // [x](y) link
    expect(text).not.toMatch(/https?:\/\//); // bare URL, auto-linked by Teams
    expect(text).not.toMatch(/(^|[^\\])<\/?[a-z]/i); // HTML tag
    expect(text).not.toContain('${'); // a template expression shown as text
  }
  for (const action of findActions(card)) {
    const verb = action.verb;
    if (!isVerb(verb)) throw new Error(`unknown verb ${String(verb)}`);
    const parsed = VERBS[verb].safeParse(action.data);
    if (!parsed.success) throw new Error(`${verb} data rejected: ${parsed.error.message}`);
  }
  // Links from the API become buttons only to Microsoft hosts over https (src/cards/trusted-link.ts).
  for (const link of findActions(card, 'Action.OpenUrl')) expect(String(link.url)).toMatch(/^https:\/\/([a-z0-9-]+\.)*(microsoft\.com|microsoftonline\.com|azure\.com)\//i);
}

/** The Action.Execute buttons and select actions as [verb, data] pairs, in card order. */
export function verbs(card: unknown): Array<[string, Json]> {
  return findActions(card).map((a) => [String(a.verb), a.data as Json]);
}

/** The Action.Execute with this title (buttons), failing the test if there is none. */
export function button(card: unknown, title: string): Json {
  const found = findActions(card).find((a) => a.title === title);
  if (!found) throw new Error(`no button "${title}" in ${JSON.stringify(findActions(card).map((a) => a.title))}`);
  return found;
}

export function hasButton(card: unknown, title: string): boolean {
  return findActions(card).some((a) => a.title === title);
}

/** All visible text in one string, for "shows X" assertions. */
export function textOf(card: unknown): string {
  return visibleText(card).join('\n');
}
