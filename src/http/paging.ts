/** One page of a collection. `nextLink` is the service's @odata.nextLink when it sent one. */
export interface Page<T> {
  items: T[];
  skip: number;
  top: number;
  /** True when another page may follow (a full page, or a nextLink). */
  hasMore: boolean;
  nextLink: string | null;
  /**
   * How many items the whole collection holds, when the service said so (`@odata.count`, sent
   * by Graph for `$count=true`) or a search counted them itself. The MMD documents list no
   * `$count`, so MMD pages usually leave it out: see `knownTotal` for what a card may still say.
   */
  total?: number;
}

export interface PageQuery {
  top?: number;
  skip?: number;
}

export const DEFAULT_PAGE_SIZE = 25;
/** A walk stops here even if the service keeps saying "more" (a loop guard, not a feature). */
const DEFAULT_MAX_PAGES = 200;

/** Where the next page starts; `nextLink` wins over skip/top when the service sent one. */
export interface PageCursor {
  skip: number;
  top: number;
  nextLink: string | null;
}

/** A list query that can also carry the service's @odata.nextLink (see `paginate`). */
export type LinkedQuery<Q extends PageQuery> = Q & { nextLink?: string };

/** Page bookkeeping shared by the list methods; `total` is the service's @odata.count, if any. */
export function toPage<T>(items: T[], cursor: { skip: number; top: number }, nextLink: string | null, total?: number | null): Page<T> {
  const page: Page<T> = {
    items,
    skip: cursor.skip,
    top: cursor.top,
    hasMore: nextLink !== null || (cursor.top > 0 && items.length >= cursor.top),
    nextLink,
  };
  if (typeof total === 'number') page.total = total;
  return page;
}

/**
 * How many items the collection holds, as far as this page can tell: the service's count when
 * it gave one, else the end of the last page (nothing follows it); undefined when more follow
 * and nobody said how many.
 */
export function knownTotal(page: Page<unknown>): number | undefined {
  if (page.total !== undefined) return Math.max(page.total, page.skip + page.items.length);
  return page.hasMore ? undefined : page.skip + page.items.length;
}

/** `@odata.count` when it is a whole number ≥ 0; anything else is no count at all. */
export function odataCount(body: Record<string, unknown>): number | null {
  const raw = body['@odata.count'];
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : null;
}

/**
 * Every item of every page, in order. Stops on a page with no more to come, an empty page
 * (a service that keeps saying "more" without giving any), or after `maxPages`.
 */
export async function* iterateAll<T>(
  fetchPage: (cursor: PageCursor) => Promise<Page<T>>,
  options: { skip?: number; top?: number; maxPages?: number } = {},
): AsyncGenerator<T> {
  let cursor: PageCursor = { skip: options.skip ?? 0, top: options.top ?? DEFAULT_PAGE_SIZE, nextLink: null };
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (!page.hasMore || page.items.length === 0) return;
    cursor = { skip: cursor.skip + page.items.length, top: cursor.top, nextLink: page.nextLink };
  }
}

/**
 * Walks a resource's `list` over all pages (MMD and Graph): `paginate(mmd.devices.list, { search: 'MMD-' })`.
 * The client's list methods follow `nextLink` (same origin as the API root only; anything else
 * is refused with the client's `invalid_response` error) and otherwise page with $skip/$top.
 */
export function paginate<T, Q extends PageQuery>(
  list: (query: LinkedQuery<Q>) => Promise<Page<T>>,
  query: Q,
  options: { maxPages?: number } = {},
): AsyncGenerator<T> {
  return iterateAll(
    (cursor) => list({ ...query, skip: cursor.skip, top: cursor.top, ...(cursor.nextLink ? { nextLink: cursor.nextLink } : {}) }),
    { skip: query.skip, top: query.top, maxPages: options.maxPages },
  );
}
