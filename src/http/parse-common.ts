import { z } from 'zod';

/*
 * Field schemas that never fail: the real service sends nulls, drops fields and drifts in
 * spelling, and one odd field must not cost the user the whole record. A wrong type becomes
 * null (or [] for collections); extra fields are ignored (zod strips unknown keys).
 */

/** string, else null (missing, null, a number where a string belongs). */
export const text = z.string().nullable().catch(null);

/** string, or '' when missing: for names the types declare as always present ("" happens). */
export const name = z
  .string()
  .nullable()
  .catch(null)
  .transform((v) => v ?? '');

/** A number, or a numeric string ("2"), else null. */
export const num = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .nullable()
  .catch(null);

/** A boolean, or "true"/"false", else null. */
export const bool = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .nullable()
  .catch(null);

/** An identifier that must be present: a non-empty string (numbers accepted and stringified). */
export const id = z.union([z.string(), z.number().transform(String)]).refine((value) => value.trim() !== '', 'empty identifier');

/** Strings of an array; other items and a non-array give what can be kept. */
export const strings = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.filter((item): item is string => typeof item === 'string'));

/** An array of T keeping every item that parses and dropping the rest. */
export function listOf<T>(item: z.ZodType<T>) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((items) => keep(item, items).items);
}

export function keep<T>(item: z.ZodType<T>, items: unknown[]): { items: T[]; dropped: number } {
  const kept: T[] = [];
  for (const raw of items) {
    const parsed = item.safeParse(raw);
    if (parsed.success) kept.push(parsed.data);
  }
  return { items: kept, dropped: items.length - kept.length };
}

/** Where a body came from, for the invalid_response error. */
export interface ParseContext {
  method: string;
  path: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * NUL and the bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069): a NUL
 * truncates text in some renderers and stores, and an override makes "gpj.exe" read as
 * "exe.jpg" on a card. Service text never needs them.
 */
const UNSAFE_CHARACTERS = /[\u0000\u202A-\u202E\u2066-\u2069]/g;
const HAS_UNSAFE_CHARACTER = /[\u0000\u202A-\u202E\u2066-\u2069]/;

function cleanText(text: string): string {
  return HAS_UNSAFE_CHARACTER.test(text) ? text.replace(UNSAFE_CHARACTERS, '') : text;
}

/** Every string in a JSON value with NUL and bidi controls removed (keys too); other values as they are. */
export function stripUnsafeText(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(stripUnsafeText);
  if (isRecord(value)) {
    const clean: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) clean[cleanText(key)] = stripUnsafeText(item);
    return clean;
  }
  return value;
}
