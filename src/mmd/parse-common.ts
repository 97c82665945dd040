import type { z } from 'zod';
import { isRecord, keep, stripUnsafeText, type ParseContext } from '../http/parse-common';
import { odataCount } from '../http/paging';
import { MmdApiError } from './mmd-api-error';

// The MMD-worded invalid_response and the entity/collection readers; the tolerant field schemas
// they use live in src/http/parse-common.ts.

export function invalidResponse(context: ParseContext, why: string): MmdApiError {
  return new MmdApiError({
    status: 200,
    code: 'invalid_response',
    serviceMessage: null,
    method: context.method,
    path: context.path,
    retryable: false,
    message: `MMD ${context.method} ${context.path} returned an unexpected response: ${why}`,
  });
}

/** One entity; throws invalid_response when the body is not an object or lacks its key fields. */
export function parseEntity<T>(schema: z.ZodType<T>, raw: unknown, context: ParseContext): T {
  const body = stripUnsafeText(raw);
  if (!isRecord(body)) throw invalidResponse(context, 'not a JSON object');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidResponse(context, 'required fields are missing');
  return parsed.data;
}

export interface ParsedCollection<T> {
  items: T[];
  /** Items that could not be read at all (not an object, no key): left out, counted. */
  dropped: number;
  nextLink: string | null;
  /** `@odata.count`, if the service sent one (the documents list no `$count` for MMD). */
  count: number | null;
}

/** `{ value: [...] }`; throws invalid_response without a `value` array. */
export function parseCollection<T>(schema: z.ZodType<T>, raw: unknown, context: ParseContext): ParsedCollection<T> {
  const body = stripUnsafeText(raw);
  if (!isRecord(body) || !Array.isArray(body.value)) throw invalidResponse(context, 'no "value" array');
  const next = body['@odata.nextLink'];
  return { ...keep(schema, body.value), nextLink: typeof next === 'string' && next !== '' ? next : null, count: odataCount(body) };
}
