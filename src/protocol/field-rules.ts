import { z } from 'zod';

/**
 * One description per form field, used twice: for the card (Adaptive Card input attributes:
 * isRequired, maxLength, regex, min/max, errorMessage) and for the server (a zod schema that
 * applies the same limits and answers with the same message). The card check is a courtesy;
 * the server check is the one that counts, because card data can be forged.
 */

export interface Choice {
  title: string;
  value: string;
}

interface Common {
  label: string;
  /** Shown under the input by the client, and by us when the server refuses the value. */
  errorMessage: string;
  required: boolean;
  placeholder?: string;
}

export type FieldRule =
  | (Common & { kind: 'text'; maxLength: number; multiline?: boolean; regex?: string })
  | (Common & { kind: 'choice'; choices: readonly Choice[]; style: 'compact' | 'filtered' })
  | (Common & { kind: 'number'; min: number; max: number })
  | (Common & { kind: 'toggle'; title: string })
  /** A day (yyyy-mm-dd); `notAfterToday` becomes the card's `max` and a server check. */
  | (Common & { kind: 'date'; notAfterToday?: boolean })
  | (Common & { kind: 'time' });

export type FieldRules = Readonly<Record<string, FieldRule>>;

export type FieldValue = string | number | boolean | undefined;

/** A day and a time as the Adaptive Card inputs send them. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME = /^\d{2}:\d{2}$/;

/** `yyyy-mm-dd` of `now` in UTC: the card's date `max` and the server's limit are the same value. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True for a real calendar day: "2026-02-30" passes the pattern but is no date. */
function realDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** True when `text` (trimmed, non-empty) breaks the rule. */
function breaks(rule: FieldRule, text: string, now: Date): boolean {
  switch (rule.kind) {
    case 'text':
      return text.length > rule.maxLength || (rule.regex !== undefined && !new RegExp(rule.regex).test(text));
    case 'choice':
      return !rule.choices.some((c) => c.value === text);
    case 'number': {
      const n = Number(text);
      return !Number.isInteger(n) || n < rule.min || n > rule.max;
    }
    case 'toggle':
      return text !== 'true' && text !== 'false';
    case 'date':
      return !DATE.test(text) || !realDay(text) || (rule.notAfterToday === true && text > isoDay(now));
    case 'time': {
      if (!TIME.test(text)) return true;
      const [h, m] = text.split(':').map(Number) as [number, number];
      return h > 23 || m > 59;
    }
  }
}

function convert(rule: FieldRule, text: string): FieldValue {
  if (rule.kind === 'number') return Number(text);
  if (rule.kind === 'toggle') return text === 'true';
  return text;
}

/** What the card sends, as text: Input.Number and Input.Toggle values may arrive as number/boolean. */
function asText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  return '';
}

/**
 * The server side of `rule`: trims, applies the same limits as the card, and converts
 * (numbers, toggles). An empty optional field is undefined; a broken one fails with the rule's
 * errorMessage, the same words the card shows.
 */
export function fieldSchema(rule: FieldRule, now: Date): z.ZodType<FieldValue, unknown> {
  return z.unknown().transform((raw, ctx): FieldValue => {
    const text = asText(raw).trim();
    if (text === '') {
      if (rule.required && rule.kind !== 'toggle') ctx.addIssue({ code: 'custom', message: rule.errorMessage });
      return rule.kind === 'toggle' ? false : undefined;
    }
    if (breaks(rule, text, now)) {
      ctx.addIssue({ code: 'custom', message: rule.errorMessage });
      return z.NEVER;
    }
    return convert(rule, text);
  });
}

export type FieldErrors = Record<string, string>;

/** Valid fields' values, and a message per invalid field (none: the form is valid). */
export interface FormCheck {
  values: Record<string, FieldValue>;
  errors: FieldErrors;
}

/** Every field checked against its rule; all messages at once, so the user fixes them in one go. */
export function checkFields(rules: FieldRules, raw: Record<string, unknown>, now: Date): FormCheck {
  const values: Record<string, FieldValue> = {};
  const errors: FieldErrors = {};
  for (const [id, rule] of Object.entries(rules)) {
    const parsed = fieldSchema(rule, now).safeParse(raw[id]);
    if (parsed.success) values[id] = parsed.data;
    else errors[id] = parsed.error.issues[0]?.message ?? rule.errorMessage;
  }
  return { values, errors };
}

/**
 * The transport check of a submit (src/bot/verbs.ts): right types and sizes, choice values from
 * the card's own lists. It rejects only what the card could never send (a forged or corrupted
 * submit); an empty or badly filled field passes here and is answered by `checkFields` with
 * the form again. Text may be up to twice the field's limit, so a client that does not enforce
 * maxLength still gets the friendly message instead of a refusal.
 */
export function envelopeShape(rules: FieldRules): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [id, rule] of Object.entries(rules)) shape[id] = envelopeField(rule).optional();
  return shape;
}

function envelopeField(rule: FieldRule): z.ZodType {
  switch (rule.kind) {
    case 'text':
      return z.string().max(rule.maxLength * 2);
    case 'choice':
      return z.union([z.literal(''), z.enum(rule.choices.map((c) => c.value) as [string, ...string[]])]);
    case 'number':
      return z.union([z.string().max(32), z.number().finite()]);
    case 'toggle':
      return z.union([z.enum(['true', 'false']), z.boolean()]);
    case 'date':
    case 'time':
      return z.string().max(32);
  }
}

/** Form values as the card holds them (strings), from raw submit data: for re-rendering with input kept. */
export function formText(rules: FieldRules, raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(rules).map((id) => [id, asText(raw[id])]));
}
