import * as ACData from 'adaptivecards-templating';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An Adaptive Card as sent to Teams: plain JSON. */
export type AdaptiveCard = Record<string, unknown>;

// cards/ sits at the project root; from src/cards (ts-jest/swc) or dist/src/cards (compiled).
const CARDS_DIR = [join(__dirname, '..', '..', 'cards'), join(__dirname, '..', '..', '..', 'cards')].find((dir) =>
  existsSync(join(dir, '..', 'package.json')),
);

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    if (!CARDS_DIR) throw new Error('cards/ directory not found');
    const json: unknown = JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8'));
    t = new ACData.Template(json);
    templates.set(name, t);
  }
  return t;
}

/**
 * Expands the template `cards/<name>.json` with `data`. Data values are never evaluated as
 * template expressions (adaptivecards-templating only evaluates the template), so API and user
 * text is safe to pass here once escaped for markdown with `md()`.
 */
export function renderCard(name: string, data: object): AdaptiveCard {
  return withoutNulls(template(name).expand({ $root: data })) as AdaptiveCard;
}

/**
 * Drops properties whose value is null. No Adaptive Card property takes null, so a template can
 * write `"selectAction": "${open}"` and the data says "none here" with `open: null`
 * (an undefined value would be left in the card as the literal text "${open}").
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = withoutNulls(v);
  return out;
}
