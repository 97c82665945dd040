import { VERBS } from '../../src/protocol/verbs';
import { GRAPH_VERBS } from '../../src/protocol/graph-verbs';
import { findActions, markdownText, validateCard, visibleText } from '../helpers/card-validation';
import { INJECTION } from './sample-data';

const TABLE: Record<string, { safeParse(data: unknown): { success: boolean; error?: { message: string } } }> = { ...VERBS, ...GRAPH_VERBS };

/**
 * expectCleanCard (card-checks.ts) for cards that use the Graph verbs, which are not in the bot's
 * verb table until the lead merges src/protocol/graph-verbs.ts: the same checks against both tables.
 */
export function expectCleanGraphCard(card: unknown): void {
  expect(validateCard(card, { allowLiterals: [INJECTION] })).toEqual([]);
  for (const text of visibleText(card)) expect(text).not.toMatch(/\b(null|undefined|NaN)\b|\[object Object\]/);
  for (const text of markdownText(card)) {
    expect(text).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/);
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/(^|[^\\])<\/?[a-z]/i);
    expect(text).not.toContain('${');
  }
  for (const action of findActions(card)) {
    const schema = TABLE[String(action.verb)];
    if (!schema) throw new Error(`unknown verb ${String(action.verb)}`);
    const parsed = schema.safeParse(action.data);
    if (!parsed.success) throw new Error(`${String(action.verb)} data rejected: ${parsed.error?.message ?? ''}`);
  }
  // Links from the API become buttons only to Microsoft hosts over https.
  for (const link of findActions(card, 'Action.OpenUrl')) expect(String(link.url)).toMatch(/^https:\/\/([a-z0-9-]+\.)*(microsoft\.com|microsoftonline\.com|azure\.com)\//i);
}
