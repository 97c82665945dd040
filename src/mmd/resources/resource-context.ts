import type { z } from 'zod';
import type { Logger } from '../../log/logger';
import { MmdApiError } from '../mmd-api-error';
import { DEFAULT_PAGE_SIZE, toPage } from '../../http/paging';
import { parseCollection } from '../parse-common';
import type { QueryValue, Send } from '../../http/request';
import type { Page, PageQuery } from '../../http/paging';

/** What every resource factory gets: the one layered `send`, and where it lives. */
export interface ResourceContext {
  send: Send;
  /** `tenants/{tenantId}/`, already encoded. */
  tenantPath: string;
  logger?: Logger;
}

/** The value of a lookup, or null when the service answers 404 (documented "does not exist"). */
export async function orNull<T>(lookup: () => Promise<T>): Promise<T | null> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof MmdApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * One page of a collection: from the service's nextLink when the caller passes one, otherwise
 * with $top/$skip plus the resource's own parameters.
 */
export async function listPage<T>(
  context: ResourceContext,
  path: string,
  schema: z.ZodType<T>,
  query: PageQuery & { nextLink?: string },
  params: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<Page<T>> {
  const cursor = { skip: query.skip ?? 0, top: query.top ?? DEFAULT_PAGE_SIZE };
  const response = query.nextLink
    ? await context.send({ method: 'GET', path, url: query.nextLink, signal })
    : await context.send({ method: 'GET', path, query: { ...params, $top: cursor.top, $skip: cursor.skip }, signal });
  const parsed = parseCollection(schema, response.body, { method: 'GET', path });
  if (parsed.dropped > 0) context.logger?.warn({ path, dropped: parsed.dropped }, 'MMD list items left out: unreadable');
  return toPage(parsed.items, cursor, parsed.nextLink, parsed.count);
}
