import type { Page, PageQuery } from '../../http/paging';

/** Rows per page in every list card: keeps each card well under 28 KB. */
export const PAGE_SIZE = 10;

/**
 * One page for a list card. Asks for one row more than it shows, so the card knows for sure
 * whether a Next button leads anywhere (the service's own "more" signal is only a full page).
 */
export async function fetchPage<T, Q extends PageQuery>(
  list: (query: Q) => Promise<Page<T>>,
  query: Q,
  size = PAGE_SIZE,
): Promise<Page<T>> {
  const page = await list({ ...query, top: size + 1 });
  return { ...page, items: page.items.slice(0, size), top: size, hasMore: page.items.length > size };
}

/** One page of rows the bot found itself (a search it ran over several API pages), with the exact total. */
export function pageOf<T>(found: readonly T[], skip: number, size = PAGE_SIZE): Page<T> {
  return {
    items: found.slice(skip, skip + size),
    skip,
    top: size,
    hasMore: found.length > skip + size,
    nextLink: null,
    total: found.length,
  };
}
