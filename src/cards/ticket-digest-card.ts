import type { Now } from './local-time';
import type { TicketChange, TicketSnapshot } from '../protocol/ticket-change';
import { executeIfValid } from './card-action';
import { capped } from './card-parts';
import { plain, plainShort, words } from './escape';
import { renderCard, type AdaptiveCard } from './render';
import { changeRows } from './ticket-change-rows';

/** Tickets listed in one digest; the rest are counted (the card stays well under 28 KB). */
const MAX_TICKETS = 15;

export interface TicketDigestInput {
  items: ReadonlyArray<{ ticket: TicketSnapshot; changes: readonly TicketChange[] }>;
  now: Now;
}

/**
 * Changes held during quiet hours or for a digest, as one card: per ticket (changes of one
 * ticket merged, oldest first) its title, what changed and an Open button.
 */
export function ticketDigestCard({ items, now }: TicketDigestInput): AdaptiveCard {
  const byTicket = new Map<string, { ticket: TicketSnapshot; changes: TicketChange[] }>();
  for (const item of items) {
    const entry = byTicket.get(item.ticket.id) ?? { ticket: item.ticket, changes: [] };
    // The latest snapshot shows the ticket as it is now.
    entry.ticket = item.ticket;
    entry.changes.push(...item.changes);
    byTicket.set(item.ticket.id, entry);
  }
  const { shown, more } = capped([...byTicket.values()], MAX_TICKETS, 'tickets');
  const count = items.reduce((n, item) => n + item.changes.length, 0);
  return renderCard('ticket-digest', {
    heading: words(
      `${count} ${count === 1 ? 'update' : 'updates'} on ${byTicket.size} ${byTicket.size === 1 ? 'ticket' : 'tickets'} while notifications were held`,
    ),
    tickets: shown.map(({ ticket, changes }) => ({
      title: words(`${plain(ticket.id)}: ${plainShort(ticket.title, 120, '(no title)')}`),
      changes: changeRows(changes, now).slice(0, 10),
      actions: [executeIfValid('Open', 'ticket.open', { id: ticket.id.trim() })].filter((a) => a !== null),
    })),
    more,
  });
}
