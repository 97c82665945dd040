/** Turns a zod failure into the documented 400 error, naming the first bad field. */
import type { ZodType } from 'zod';
import { badRequest } from './errors';

export function validate<T>(schema: ZodType<T>, body: unknown, what: string): T {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`The request body must be a JSON object describing the ${what}.`);
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  throw badRequest(`Invalid ${what}: '${field}' ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`);
}

/** Lower-cases the first letter of each top-level key: the documents send PascalCase bodies too. */
export function camelKeys(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) out[key.charAt(0).toLowerCase() + key.slice(1)] = value;
  return out;
}
