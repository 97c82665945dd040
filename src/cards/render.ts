import * as ACData from 'adaptivecards-templating';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plain } from './escape';

/** An Adaptive Card as sent to Teams: plain JSON. */
export type AdaptiveCard = Record<string, unknown>;

// cards/ sits at the project root; from src/cards (under jest) or dist/src/cards (compiled).
const CARDS_DIR = [join(__dirname, '..', '..', 'cards'), join(__dirname, '..', '..', '..', 'cards')].find((dir) =>
  existsSync(join(dir, '..', 'package.json')),
);

const templates = new Map<string, ACData.Template>();

/** The parsed template `cards/<name>.json`, read and parsed once per process. */
function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    if (!CARDS_DIR) throw new Error('cards/ directory not found');
    t = new ACData.Template(JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

let watcher: ((name: string, data: object) => void) | undefined;
/** Calls `listener` with every template name and data rendered until it is replaced (tests that walk every card). */
export function watchRenders(listener: ((name: string, data: object) => void) | undefined): void {
  watcher = listener;
}

/**
 * Expands the template `cards/<name>.json` with `data`. Data values are never evaluated as
 * template expressions (adaptivecards-templating only evaluates the template), so API and user
 * text is safe to pass here; templates put it in TextRuns only (see escape.ts).
 */
/** Data that is never shown as text: links, colours, input values, the users a refresh is for. */
type NotText = 'userIds' | 'url' | 'value' | `${string}Url` | `${string}Color` | `${string}Value`;

/**
 * Card data as renderCard takes it: every string a Plain (plain() or words()) or a literal type
 * of our own; actions pass as they are (button titles show no markdown, data is for the bot).
 */
type CardData<T> = T extends string
  ? string extends T
    ? T extends Plain
      ? T
      : never
    : T
  : T extends { type: `Action.${string}` }
    ? T
    : T extends readonly (infer U)[]
      ? readonly CardData<U>[]
      : T extends object
        ? { [K in keyof T]: K extends NotText ? T[K] : CardData<T[K]> }
        : T;

export function renderCard<const T extends object>(name: string, data: T & CardData<T>): AdaptiveCard {
  const card: unknown = template(name).expand({ $root: data });
  watcher?.(name, data);
  return withoutNulls(card) as AdaptiveCard;
}

/**
 * Drops properties whose value is null. No Adaptive Card property takes null, so a template can
 * write `"selectAction": "${open}"` and the data says "none here" with `open: null`
 * (an undefined value would be left in the card as the literal text "${open}").
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  // Object.keys, not Object.entries: no [key, value] pair per property (2% of a turn's CPU in
  // the profile, most of it garbage); same keys in the same order.
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const v = source[key];
    if (v !== null) out[key] = typeof v === 'object' ? withoutNulls(v) : v;
  }
  return out;
}
