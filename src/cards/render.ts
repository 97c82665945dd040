import type * as ACData from 'adaptivecards-templating';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { compileTemplate, NotCompiled } from './compiled-template';

/** An Adaptive Card as sent to Teams: plain JSON. */
export type AdaptiveCard = Record<string, unknown>;

// cards/ sits at the project root; from src/cards (ts-jest/swc) or dist/src/cards (compiled).
const CARDS_DIR = [join(__dirname, '..', '..', 'cards'), join(__dirname, '..', '..', '..', 'cards')].find((dir) =>
  existsSync(join(dir, '..', 'package.json')),
);

/**
 * adaptivecards-templating (with adaptive-expressions and antlr4ts) is a quarter of the bot's
 * start-up require time, and with the compiled templates it is only the reference (check mode)
 * and the fallback for template shapes the fast path steps aside from: loaded on first use.
 */
let library: typeof ACData | undefined;
function loadLibrary(): typeof ACData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load (renderCard is synchronous)
  library ??= require('adaptivecards-templating') as typeof ACData;
  return library;
}

interface LoadedTemplate {
  json: unknown;
  library?: ACData.Template;
  /** The fast path (src/cards/compiled-template.ts); null when the template is beyond it. */
  compiled: ((data: object) => unknown) | null;
}

const templates = new Map<string, LoadedTemplate>();

function template(name: string): LoadedTemplate {
  let t = templates.get(name);
  if (!t) {
    if (!CARDS_DIR) throw new Error('cards/ directory not found');
    const json: unknown = JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8'));
    t = { json, compiled: compileTemplate(json) };
    templates.set(name, t);
  }
  return t;
}

/** adaptivecards-templating's own expansion: the reference the fast path must match. */
export function expandWithLibrary(name: string, data: object): unknown {
  return libraryTemplate(template(name)).expand({ $root: data });
}

function libraryTemplate(t: LoadedTemplate): ACData.Template {
  t.library ??= new (loadLibrary().Template)(t.json);
  return t.library;
}

/** The fast path's expansion, or the library's where the fast path steps aside. */
export function expandCompiled(name: string, data: object): unknown {
  const t = template(name);
  if (t.compiled) {
    try {
      return t.compiled(data);
    } catch (err) {
      if (!(err instanceof NotCompiled)) throw err;
    }
  }
  return libraryTemplate(t).expand({ $root: data });
}

/** Raised in check mode when the fast path and the library disagree. */
export class TemplateMismatchError extends Error {
  constructor(name: string) {
    super(`card template ${name}: the compiled expansion differs from adaptivecards-templating's`);
    this.name = 'TemplateMismatchError';
  }
}

// Check mode (CARD_TEMPLATE_CHECK=1, or setTemplateCheck in a test): every card is expanded both
// ways and compared, so any test suite that renders cards also proves the fast path.
let check = process.env.CARD_TEMPLATE_CHECK === '1';
let seen: ((name: string, data: object) => void) | undefined;
/** Turns check mode on or off; `onRender` sees every template name and data rendered meanwhile. */
export function setTemplateCheck(on: boolean, onRender?: (name: string, data: object) => void): void {
  check = on;
  seen = on ? onRender : undefined;
}

/**
 * Expands the template `cards/<name>.json` with `data`. Data values are never evaluated as
 * template expressions (adaptivecards-templating only evaluates the template), so API and user
 * text is safe to pass here; templates put it in TextRuns only (see escape.ts).
 */
export function renderCard(name: string, data: object): AdaptiveCard {
  const card = expandCompiled(name, data);
  seen?.(name, data);
  if (check && !isDeepStrictEqual(card, expandWithLibrary(name, data))) throw new TemplateMismatchError(name);
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
