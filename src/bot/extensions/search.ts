import { toTicketId } from '../../intents/entities';
import type { BotDeps } from '../deps';
import type { Turn } from '../turn';
import { extensionMessage, results, type ExtensionReply } from './extension-reply';
import type { ExtensionInvoke } from './extension-invoke';
import { ticketItem } from './result-items';
import { SEARCH_SOURCES, searchPage } from './search-sources';

export type QueryInput = Extract<ExtensionInvoke, { kind: 'query' }>;

/** Longer search text is refused with a message (the API's search is a plain "contains"). */
const MAX_QUERY_LENGTH = 100;
/** Teams asks for 25 by default; more would only make the list slow. */
const MAX_PAGE = 25;
/** Teams pages by scrolling; nobody scrolls past this. */
const MAX_SKIP = 1000;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Number.isFinite(n) ? Math.floor(n) : min));

/**
 * The search command: recent tickets for an empty box (the initial run), the ticket itself for a
 * ticket id, else devices, security incidents, then tickets (by title, or by id for a ticket id's start) matching the text, one page as Teams asks (skip/count).
 */
export async function searchItems(turn: Turn, query: QueryInput, deps: BotDeps): Promise<ExtensionReply> {
  if (query.text === undefined && !query.initialRun) {
    return extensionMessage('The search arrived without its search text. Type part of a device name, a user or a ticket title.');
  }
  const text = (query.text ?? '').trim();
  if (text.length > MAX_QUERY_LENGTH) {
    return extensionMessage(
      `Search for at most ${MAX_QUERY_LENGTH} characters: part of a device name, a serial number, a user or a ticket title.`,
    );
  }
  const skip = clamp(query.skip, 0, MAX_SKIP);
  const count = clamp(query.count || MAX_PAGE, 1, MAX_PAGE);
  const now = deps.now();
  if (!text) {
    const page = await deps.mmd.tickets.list(
      { orderBy: { field: 'createdDateTime', direction: 'desc' }, skip, top: count },
      { signal: turn.signal },
    );
    return results(page.items.map((t) => ticketItem(t, now)));
  }
  const id = toTicketId(text);
  if (id) {
    const ticket = skip === 0 ? await deps.mmd.tickets.get(id, { signal: turn.signal }) : null;
    return results(ticket ? [ticketItem(ticket, now)] : []);
  }
  return results(await searchPage(SEARCH_SOURCES, deps, text, skip, count, now, turn.signal));
}
