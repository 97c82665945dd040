/**
 * Graph's side of parsing at the boundary: one entity or one `{value, @odata.nextLink}` page,
 * with the MMD client's tolerance (field schemas in ../http/parse-common.ts never fail), and
 * GraphApiError `invalid_response` when the body is not what any Graph version sends.
 */
import type { z } from 'zod';
import { isRecord, keep, type ParseContext } from '../http/parse-common';
import { odataCount } from '../http/paging';
import { GraphApiError } from './graph-api-error';

export interface GraphPage<T> {
  items: T[];
  /** Items that could not be read at all (not an object, no id): left out, counted. */
  dropped: number;
  nextLink: string | null;
  /** `@odata.count`: Graph sends it when asked with `$count=true`. */
  count: number | null;
}

function invalidGraphResponse(context: ParseContext, why: string): GraphApiError {
  return new GraphApiError({
    status: 200,
    code: 'invalid_response',
    serviceMessage: why,
    method: context.method,
    path: context.path,
    retryable: false,
  });
}

export function parseGraphEntity<T>(schema: z.ZodType<T>, body: unknown, context: ParseContext): T {
  if (!isRecord(body)) throw invalidGraphResponse(context, 'not a JSON object');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidGraphResponse(context, 'required fields are missing');
  return parsed.data;
}

export function parseGraphPage<T>(schema: z.ZodType<T>, body: unknown, context: ParseContext): GraphPage<T> {
  if (!isRecord(body) || !Array.isArray(body.value)) throw invalidGraphResponse(context, 'no "value" array');
  const next = body['@odata.nextLink'];
  return { ...keep(schema, body.value), nextLink: typeof next === 'string' && next !== '' ? next : null, count: odataCount(body) };
}
