import type { ExtensionInvoke, SourceMessage } from '../bot/extensions/extension-invoke';

/**
 * Reads a message extension invoke's `value` into the bot's terms. The value is client data:
 * nothing is assumed about its shape (a missing or odd field becomes empty, never an error);
 * the handlers judge the content.
 */

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Teams' `messagePayload`: body (HTML or text), the link to the message and its author. */
function sourceMessage(value: Obj): SourceMessage | undefined {
  const payload = obj(value.messagePayload);
  const body = obj(payload.body);
  const content = str(body.content);
  if (content === undefined) return undefined;
  return {
    content,
    html: str(body.contentType)?.toLowerCase() === 'html',
    link: str(payload.linkToMessage),
    author: str(obj(obj(payload.from).user).displayName),
  };
}

function query(value: Obj): ExtensionInvoke {
  const parameters = Array.isArray(value.parameters) ? value.parameters.map(obj) : [];
  const initialRun = parameters.some((p) => p.name === 'initialRun' && String(p.value) === 'true');
  const search = parameters.find((p) => p.name !== 'initialRun');
  const options = obj(value.queryOptions);
  return {
    kind: 'query',
    commandId: str(value.commandId) ?? '',
    // A parameter whose value is not text counts as missing.
    text: search ? str(search.value) : initialRun ? '' : undefined,
    initialRun,
    skip: num(options.skip, 0),
    count: num(options.count, 0),
  };
}

/** The invoke named `name` (composeExtension/...), or undefined when it is not one the bot reads. */
export function extensionInvoke(name: string, raw: unknown): ExtensionInvoke | undefined {
  const invoke = invokeOf(name, raw);
  const state = str(obj(raw).state);
  return invoke && state && /^\d{1,12}$/.test(state) ? { ...invoke, signInState: state } : invoke;
}

function invokeOf(name: string, raw: unknown): ExtensionInvoke | undefined {
  const value = obj(raw);
  switch (name) {
    case 'composeExtension/query':
      return query(value);
    case 'composeExtension/selectItem':
      return { kind: 'selectItem', value: raw };
    case 'composeExtension/fetchTask':
      return { kind: 'fetchTask', commandId: str(value.commandId) ?? '', message: sourceMessage(value) };
    case 'composeExtension/submitAction':
      return { kind: 'submitAction', commandId: str(value.commandId) ?? '', message: sourceMessage(value), data: value.data };
    case 'composeExtension/queryLink':
      return { kind: 'queryLink', url: str(value.url) ?? '' };
    default:
      return undefined;
  }
}
