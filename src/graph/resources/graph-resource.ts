/** What the Graph resources share: the sends per version, 404 as null, one page of a collection. */
import type { z } from 'zod';
import type { Logger } from '../../log/logger';
import type { QueryValue, Send } from '../../http/request';
import { toPage, type Page, type PageQuery } from '../../http/paging';
import { GraphApiError } from '../graph-api-error';
import { parseGraphPage } from '../parse-graph';

export interface GraphResourceContext {
  v1: Send;
  beta: Send;
  logger?: Logger;
}

const DEFAULT_GRAPH_PAGE_SIZE = 10;

export async function orNull<T>(lookup: () => Promise<T>): Promise<T | null> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof GraphApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * One page: the service's nextLink when given (checked to stay under the root by src/http), else
 * $top/$skip. `$count=true` asks Graph for `@odata.count` (Graph's API description declares
 * `$count` for both lists we page, security/incidents and deviceManagement/troubleshootingEvents;
 * documents 003/004 cover create only), so a card can say "1–10 of 60"; Graph keeps it in the
 * nextLink it hands back, and a page without a count still works (the card says "more exist").
 */
export async function graphListPage<T>(
  send: Send,
  path: string,
  schema: z.ZodType<T>,
  query: PageQuery & { nextLink?: string },
  params: Record<string, QueryValue>,
  signal: AbortSignal | undefined,
  logger: Logger | undefined,
): Promise<Page<T>> {
  const cursor = { skip: query.skip ?? 0, top: query.top ?? DEFAULT_GRAPH_PAGE_SIZE };
  const response = query.nextLink
    ? await send({ method: 'GET', path, url: query.nextLink, signal })
    : await send({ method: 'GET', path, query: { ...params, $top: cursor.top, $skip: cursor.skip || undefined, $count: true }, signal });
  const parsed = parseGraphPage(schema, response.body, { method: 'GET', path });
  if (parsed.dropped > 0) logger?.warn({ path, dropped: parsed.dropped }, 'Graph list items left out: unreadable');
  return toPage(parsed.items, cursor, parsed.nextLink, parsed.count);
}
