import { VERBS, isVerb } from '../../src/protocol/verbs';
import { findActions, markdownText, validateCard, visibleText, walk } from '../helpers/card-validation';
import { INJECTION } from './sample-data';

type Json = Record<string, unknown>;

/**
 * The checks every display card must pass, whatever the data: valid 1.5 with no warnings, no
 * "null"/"undefined"/"NaN" shown, no API text where markdown is processed (TextBlocks and
 * FactSets hold our words only: no link, no bare URL, no HTML tag, no backslash escape), every
 * button's verb known with data its schema accepts, links only to Microsoft hosts.
 */
export function expectCleanCard(card: unknown): void {
  expect(validateCard(card, { allowLiterals: [INJECTION] })).toEqual([]);
  for (const text of visibleText(card)) expect(text).not.toMatch(/\b(null|undefined|NaN)\b|\[object Object\]/);
  for (const text of markdownText(card)) {
    expect(text).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/); // [x](y) link
    expect(text).not.toMatch(/https?:\/\//); // bare URL, auto-linked by Teams
    expect(text).not.toMatch(/(^|[^\\])<\/?[a-z]/i); // HTML tag
    expect(text).not.toContain('${'); // a template expression shown as text
    expect(text).not.toContain('\\'); // a markdown escape: untrusted text belongs in a TextRun, as typed
  }
  for (const action of findActions(card)) {
    const verb = action.verb;
    if (!isVerb(verb)) throw new Error(`unknown verb ${String(verb)}`);
    const parsed = VERBS[verb].safeParse(action.data);
    if (!parsed.success) throw new Error(`${verb} data rejected: ${parsed.error.message}`);
  }
  // Links from the API become buttons only to Microsoft hosts over https (src/cards/trusted-link.ts).
  for (const link of findActions(card, 'Action.OpenUrl'))
    expect(String(link.url)).toMatch(/^https:\/\/([a-z0-9-]+\.)*(microsoft\.com|microsoftonline\.com|azure\.com)\//i);
  expect(colourProblems(card)).toEqual([]);
}

/**
 * Text colours readable in Teams' light, dark and high-contrast themes: Default, Accent, Good and
 * Attention only. "Warning" is yellow on white; "Light" vanishes on the light theme and "Dark" on
 * the dark one. A coloured text must carry words (a letter or digit), so a status never rests on
 * its colour alone (high contrast drops it; people who do not see red from green never had it).
 */
export const READABLE_COLOURS: ReadonlySet<string> = new Set(['Default', 'Accent', 'Good', 'Attention']);

export function colourProblems(card: unknown): string[] {
  const problems: string[] = [];
  walk(card, (node) => {
    if (!('color' in node)) return;
    const color = node.color;
    if (typeof color !== 'string' || !READABLE_COLOURS.has(color)) {
      problems.push(`color ${JSON.stringify(color)} on ${JSON.stringify(node.text ?? node.type)}`);
      return;
    }
    const text = typeof node.text === 'string' ? node.text : '';
    if (color !== 'Default' && !/[\p{L}\p{N}]/u.test(text)) problems.push(`${color} text without words: ${JSON.stringify(node.text)}`);
  });
  return problems;
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

/** The text of a RichTextBlock's TextRuns, or undefined for anything else. */
function runText(node: unknown): string | undefined {
  const block = node as Json | undefined;
  if (block?.type !== 'RichTextBlock' || !Array.isArray(block.inlines)) return undefined;
  return (block.inlines as Json[]).map((r) => String(r.text)).join('');
}

/**
 * The labelled values ("facts") of a card: ColumnSets of two columns, each one RichTextBlock,
 * the label Bolder. They replace FactSets, whose values Teams reads as markdown.
 */
export function labelledValues(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  walk(card, (node) => {
    if (node.type === 'FactSet') throw new Error('a FactSet: its values are markdown; use labelled TextRuns');
    if (node.type !== 'ColumnSet' || !Array.isArray(node.columns) || node.columns.length !== 2) return;
    const [label, value] = (node.columns as Json[]).map((c) =>
      Array.isArray(c.items) && c.items.length === 1 ? runText(c.items[0]) : undefined,
    );
    if (label !== undefined && value !== undefined) out[label] = value;
  });
  return out;
}

/**
 * Every TextBlock and TextRun as one list (a TextRun with its RichTextBlock's alignment), for
 * checks of words, colours and emphasis whichever element carries them.
 */
export function findTexts(card: unknown): Json[] {
  const out: Json[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock') out.push(node);
    if (node.type === 'RichTextBlock' && Array.isArray(node.inlines)) {
      for (const run of node.inlines as Json[]) out.push({ horizontalAlignment: node.horizontalAlignment, ...run });
    }
  });
  return out;
}
