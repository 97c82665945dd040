import type { ChatHarness, InvokeResponse } from '../../helpers/bot-harness';
import { cardText } from '../../helpers/bot-harness';
import { findActions, validateCard, walk } from '../../helpers/card-validation';

export type Json = Record<string, unknown>;

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** The card of an invoke response, validated (every form and result card must pass). */
export function invokeCard(res: InvokeResponse, allowLiterals: string[] = []): Json {
  if (res.type !== CARD) throw new Error(`expected a card, got ${res.type}: ${JSON.stringify(res.value).slice(0, 300)}`);
  expect(validateCard(res.value, { allowLiterals })).toEqual([]);
  return res.value as Json;
}

/** The text of an invoke response that answers with a message instead of a card. */
export function invokeMessage(res: InvokeResponse): string {
  expect(res.type).toBe(MESSAGE);
  return String(res.value);
}

/** Every input of a card: id -> its value as the client would send it. */
export function inputs(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string') {
      out[node.id] = node.value ?? '';
    }
  });
  return out;
}

/** An input element by id. */
export function input(card: unknown, id: string): Json {
  let found: Json | undefined;
  walk(card, (node) => {
    if (node.id === id && typeof node.type === 'string' && node.type.startsWith('Input.')) found = node;
  });
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

/** The Action.Execute with this verb. */
export function action(card: unknown, verb: string): Json {
  const found = findActions(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} action in ${JSON.stringify(findActions(card).map((a) => a.verb))}`);
  return found;
}

/** The message shown in red under an input (the TextBlock right after it), or undefined. */
export function fieldError(card: unknown, id: string): string | undefined {
  let message: string | undefined;
  walk(card, (node) => {
    const items = node.items;
    if (!Array.isArray(items)) return;
    const i = items.findIndex((item: Json) => item?.id === id);
    const next = i >= 0 ? (items[i + 1] as Json | undefined) : undefined;
    if (next?.type === 'TextBlock' && next.color === 'Attention') message = String(next.text);
    // The message as a TextRun (it may quote what was typed).
    const run = next?.type === 'RichTextBlock' ? (next.inlines as Json[] | undefined)?.[0] : undefined;
    if (run?.color === 'Attention') message = String(run.text);
  });
  return message;
}

/** What the client sends for `verb`: the action's data merged with the inputs, then `changes`. */
export function submission(card: unknown, verb: string, changes: Json = {}): Json {
  return { ...inputs(card), ...(action(card, verb).data as Json), ...changes };
}

/** Presses the form's button: Action.Execute with the card's data and inputs. */
export async function press(harness: ChatHarness, card: unknown, verb: string, changes: Json = {}): Promise<InvokeResponse> {
  return harness.execute(verb, submission(card, verb, changes));
}

/** API calls the emulator received that match, e.g. ('POST', /\/tickets$/). */
export function apiCalls(harness: ChatHarness, method: string, path: RegExp): number {
  return (harness.app.emulator?.requestLog() ?? []).filter((r) => r.method === method && path.test(r.url.split('?')[0]!)).length;
}

export { cardText };

/**
 * Step 1 of a form with a dependent subcategory: chooses the category and presses "Choose
 * subcategory" (the `*.chooseCategory` verb); returns step 2, the form with that category's subcategories.
 */
export async function chooseCategory(harness: ChatHarness, card: unknown, category: string, changes: Json = {}): Promise<Json> {
  const verb = findActions(card).find((a) => typeof a.verb === 'string' && a.verb.endsWith('.chooseCategory'))?.verb;
  if (typeof verb !== 'string') throw new Error('no Choose subcategory button');
  return invokeCard(await press(harness, card, verb, { category, ...changes }));
}
