import type { TicketListQuery } from '../../mmd/mmd-client';
import { paginate } from '../../http/paging';
import type { Ticket } from '../../mmd/types';
import type { Page } from '../../http/paging';
import type { BotDeps } from '../deps';
import { pageOf } from './paging';

/** Tickets read at most for one case-insensitive title search. */
const MAX_TICKET_SCAN = 500;

/**
 * Titles (or ids) containing `text` ignoring case, among the tickets the other filters select, from a scan
 * of at most MAX_TICKET_SCAN (newest first); `searched` says what was searched.
 */
export async function searchTicketTitles(
  deps: BotDeps,
  query: Omit<TicketListQuery, 'titleContains' | 'skip' | 'top'>,
  text: string,
  skip: number,
  signal?: AbortSignal,
): Promise<{ page: Page<Ticket>; searched: string }> {
  const needle = text.toLowerCase();
  const found: Ticket[] = [];
  let scanned = 0;
  for await (const ticket of paginate(
    (q) => deps.mmd.tickets.list(q, { signal }),
    { ...query, top: 100 },
    { maxPages: MAX_TICKET_SCAN / 100 },
  )) {
    scanned += 1;
    if ((ticket.title ?? '').toLowerCase().includes(needle) || ticket.id.toLowerCase().includes(needle)) found.push(ticket);
    if (scanned >= MAX_TICKET_SCAN) break;
  }
  const more = scanned >= MAX_TICKET_SCAN ? ` (the newest ${MAX_TICKET_SCAN})` : '';
  return {
    page: pageOf(found, skip),
    searched: `titles of ${scanned} tickets${more} searched ignoring case`,
  };
}
