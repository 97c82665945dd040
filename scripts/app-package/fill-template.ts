/**
 * Fills `{{NAME}}` placeholders in a parsed JSON template. A string that is exactly one
 * placeholder takes the value as is (so `"{{BOT_COMMANDS}}"` becomes an array); inside a longer
 * string a placeholder must have a string value. Works on parsed JSON, never on its text, so no
 * value can break out of its string.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const WHOLE = /^\{\{([A-Z0-9_]+)\}\}$/;
const ANY = /\{\{([A-Z0-9_]+)\}\}/g;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

function lookup(values: Readonly<Record<string, Json>>, name: string, at: string): Json {
  if (!Object.prototype.hasOwnProperty.call(values, name)) throw new TemplateError(`${at}: unknown placeholder {{${name}}}`);
  // A copy: the same value filled in twice must not be one shared object.
  return structuredClone(values[name] as Json);
}

function fillString(text: string, values: Readonly<Record<string, Json>>, at: string): Json {
  const whole = WHOLE.exec(text);
  if (whole) return lookup(values, whole[1] as string, at);
  return text.replace(ANY, (_, name: string) => {
    const value = lookup(values, name, at);
    if (typeof value !== 'string') throw new TemplateError(`${at}: {{${name}}} is not text and must stand alone`);
    return value;
  });
}

export function fillTemplate(template: Json, values: Readonly<Record<string, Json>>, at = ''): Json {
  if (typeof template === 'string') return fillString(template, values, at || '/');
  if (Array.isArray(template)) return template.map((item, i) => fillTemplate(item, values, `${at}/${i}`));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillTemplate(value, values, `${at}/${key}`)]));
  }
  return template;
}
