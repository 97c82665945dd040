import type { ChatHarness, SendOptions } from '../../helpers/bot-harness';
import { validateCard } from '../../helpers/card-validation';

type Json = Record<string, unknown>;

export const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
export const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

/** Sends a message extension invoke (`composeExtension/...`); Teams' HTTP status and the body. */
export function invoke(
  harness: ChatHarness,
  name: string,
  value: unknown,
  options: SendOptions = {},
): Promise<{ status: number; body: Json }> {
  return harness.invoke(name, value, options);
}

export interface Result {
  content: Json;
  preview: { contentType: string; content: Json };
}

/** The result list of a `composeExtension` answer; every card in it passes the Adaptive Card checks. */
export function resultsOf(body: Json): Result[] {
  const ext = body.composeExtension as Json | undefined;
  if (ext?.type !== 'result') throw new Error(`expected a result list, got ${JSON.stringify(body).slice(0, 300)}`);
  expect(ext.attachmentLayout).toBe('list');
  const attachments = ext.attachments as Array<Json & Result>;
  for (const a of attachments) {
    expect(a.contentType).toBe(ADAPTIVE);
    expect(validateCard(a.content)).toEqual([]);
    expect(a.preview.contentType).toBe(THUMBNAIL);
    expect(typeof a.preview.content.title).toBe('string');
  }
  return attachments;
}

/** The text of a `composeExtension` message answer. */
export function messageOf(body: Json): string {
  const ext = body.composeExtension as Json | undefined;
  if (ext?.type !== 'message') throw new Error(`expected a message, got ${JSON.stringify(body).slice(0, 300)}`);
  return String(ext.text);
}

/** The card of a dialog answer (`task: continue`), validated. */
export function dialogCardOf(body: Json): Json {
  const task = body.task as Json | undefined;
  if (task?.type !== 'continue') throw new Error(`expected a dialog, got ${JSON.stringify(body).slice(0, 300)}`);
  const card = (task.value as Json).card as Json;
  expect(card.contentType).toBe(ADAPTIVE);
  expect(validateCard(card.content)).toEqual([]);
  return card.content as Json;
}

/** The text of a dialog message answer (`task: message`). */
export function dialogMessageOf(body: Json): string {
  const task = body.task as Json | undefined;
  if (task?.type !== 'message') throw new Error(`expected a dialog message, got ${JSON.stringify(body).slice(0, 300)}`);
  return String(task.value);
}

/** What selectItem would send for a result: its preview's tap value. */
export function tapValue(result: Result): Json {
  return ((result.preview.content.tap as Json).value ?? {}) as Json;
}

/** The Action.Submit of a dialog card (dialogs send Action.Submit, never Action.Execute). */
export function submitAction(card: unknown): Json {
  const actions = ((card as Json).actions ?? []) as Json[];
  const found = actions.find((a) => a.type === 'Action.Submit');
  if (!found) throw new Error(`no Action.Submit in ${JSON.stringify(actions).slice(0, 300)}`);
  return found;
}
