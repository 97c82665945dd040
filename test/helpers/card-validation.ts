import * as AC from 'adaptivecards/dist/adaptivecards.js';

/** Teams renders at most 1.5; the whole bot targets it. */
const TARGET = new AC.Version(1, 5);
/** Keeps every Teams surface (webhooks included) happy; a bot message may be ~100 KB at most. */
export const MAX_CARD_BYTES = 28 * 1024;

export interface ValidateOptions {
  /**
   * Text the test put into the data on purpose that looks like a template expression (for
   * example "${injection}"): it may appear verbatim where data is shown or sent back raw.
   */
  allowLiterals?: string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the card, depth first (elements, actions, facts, choices, ...). */
export function walk(card: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(card)) card.forEach((item) => walk(item, visit));
  else if (isObject(card)) {
    visit(card);
    Object.values(card).forEach((value) => walk(value, visit));
  }
}

/** All actions of the given type (top level, ActionSets, selectActions, fallbacks). */
export function findActions(card: unknown, type = 'Action.Execute'): Json[] {
  const found: Json[] = [];
  walk(card, (node) => {
    if (node.type === type) found.push(node);
  });
  return found;
}

/** All elements of one type, e.g. "TextBlock" or "Input.ChoiceSet". */
export function findElements(card: unknown, type: string): Json[] {
  return findActions(card, type);
}

/**
 * The text a user can see: TextBlock/TextRun text, fact titles and values, action titles,
 * input labels, placeholders and choice titles. Markdown checks run over these.
 */
export function visibleText(card: unknown): string[] {
  const texts: string[] = [];
  const push = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
  };
  walk(card, (node) => {
    if (node.type === 'TextBlock' || node.type === 'TextRun') push(node.text);
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) push(node.title);
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) {
      push(node.label);
      push(node.placeholder);
    }
    if (node.type === undefined && 'title' in node && 'value' in node) {
      push(node.title); // a Fact or a Choice
      push(node.value);
    }
  });
  return texts;
}

/** Markdown-text nodes (TextBlock, Fact) only: where an unescaped [x](y) would become a link. */
export function markdownText(card: unknown): string[] {
  const texts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
    if (node.type === undefined && typeof node.title === 'string' && typeof node.value === 'string') {
      texts.push(node.title, node.value);
    }
  });
  return texts;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (isObject(value)) Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** Size of the card as sent (compact JSON, UTF-8). */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Problems with a card, empty when it is fine: the adaptivecards parser's and validator's
 * events at schema 1.5 (unknown types, bad enum values, duplicate ids, features newer than 1.5,
 * ...), template expressions left unexpanded, size over 28 KB, a wrong version or no $schema,
 * and Action.Execute without the Action.Submit fallback `{ verb, ...data }`.
 */
export function validateCard(card: unknown, options: ValidateOptions = {}): string[] {
  const problems: string[] = [];
  if (!isObject(card)) return ['card is not an object'];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${String(card.type)}, not AdaptiveCard`);
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, not 1.5`);
  if (typeof card.$schema !== 'string' || !card.$schema) problems.push('$schema is missing');

  const context = new AC.SerializationContext(TARGET);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }

  for (const text of strings(card)) {
    let rest = text;
    for (const allowed of options.allowLiterals ?? []) rest = rest.split(allowed).join('');
    if (rest.includes('${')) problems.push(`unexpanded template text: ${text.slice(0, 80)}`);
  }

  const bytes = cardBytes(card);
  if (bytes >= MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes, limit ${MAX_CARD_BYTES}`);

  for (const action of findActions(card)) {
    const fallback = action.fallback;
    const data = isObject(action.data) ? action.data : {};
    if (!isObject(fallback) || fallback.type !== 'Action.Submit') {
      problems.push(`Action.Execute "${String(action.verb)}" has no Action.Submit fallback`);
    } else if (JSON.stringify(fallback.data) !== JSON.stringify({ verb: action.verb, ...data })) {
      problems.push(`Action.Execute "${String(action.verb)}" fallback data is not { verb, ...data }`);
    }
  }
  return problems;
}
