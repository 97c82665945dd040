import { type Plain } from './escape';
import { knownTotal } from '../http/paging';
import type { Page } from '../http/paging';
import type { ExecuteAction } from './card-action';
import { showingRange } from './format';

/**
 * Previous/Next buttons for a page. `open(title, skip)` builds the verb's action (each list has
 * its own verb and carries its own query). Next is offered only when the service says more may
 * follow; it starts after the items actually received, which may be fewer than `top`.
 */
export function pagingActions(page: Page<unknown>, open: (title: string, skip: number) => ExecuteAction): ExecuteAction[] {
  const actions: ExecuteAction[] = [];
  if (page.skip > 0) actions.push(open('◀ Previous', Math.max(0, page.skip - Math.max(page.top, 1))));
  if (page.hasMore && page.items.length > 0) actions.push(open('Next ▶', page.skip + page.items.length));
  return actions;
}

/**
 * "Showing 11–20 of 60" when the service counted (or this is the last page), "Showing 11–20,
 * more exist" when a further page exists but the service did not say how many (the MMD API
 * documents no $count); empty when the page has no items.
 */
export function pageRange(page: Page<unknown>): Plain {
  return showingRange(page.skip, page.items.length, { total: knownTotal(page), more: page.hasMore });
}
