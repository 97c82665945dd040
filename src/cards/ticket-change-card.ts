import type { Now } from './local-time';
import type { TicketChange, TicketSnapshot } from '../protocol/ticket-change';
import { executeIfValid } from './card-action';
import { facts } from './card-parts';
import { plain, plainShort, words } from './escape';
import { dateTime, severityName, ticketStateLabel } from './format';
import { renderCard, type AdaptiveCard } from './render';
import { changeRows } from './ticket-change-rows';

export interface TicketChangeInput {
  ticket: TicketSnapshot;
  changes: readonly TicketChange[];
  now: Now;
}

/**
 * Key facts of a ticket as a notification shows them, without the fields in `changed`: those
 * are already in the card's "what changed" rows, each fact is listed once.
 */
function snapshotFacts(ticket: TicketSnapshot, now: Now, changed: ReadonlySet<string> = new Set()) {
  const nextAction = words(
    [
      changed.has('nextActionOwner') ? '' : plainShort(ticket.nextActionOwner, 60, ''),
      ticket.nextActionTime && !changed.has('nextActionTime') ? dateTime(ticket.nextActionTime, now) : '',
    ]
      .filter((part) => part !== '' && part !== '—')
      .join(', '),
  );
  return facts(
    [
      ['Severity', changed.has('severity') ? words('') : plain(severityName(ticket.severity))],
      ['State', changed.has('state') ? words('') : plain(ticketStateLabel(ticket.state))],
      ['Next action', nextAction],
    ],
    true,
  );
}

/** Buttons under a ticket notification: Open, Add note, Unsubscribe (each only when its data is valid). */
function ticketNotifyActions(ticketId: string) {
  const id = ticketId.trim();
  return [
    executeIfValid('Open', 'ticket.open', { id }),
    executeIfValid('Add note', 'ticket.addNoteForm', { id }),
    executeIfValid('Unsubscribe', 'ticket.unsubscribe', { id }),
  ].filter((a) => a !== null);
}

/** One compact card per ticket and poll: what changed (old → new), then the facts that did not change, actions. */
export function ticketChangeCard({ ticket, changes, now }: TicketChangeInput): AdaptiveCard {
  const created = changes.some((c) => c.kind === 'created');
  const changed = new Set(changes.flatMap((c) => (c.kind === 'field' ? [c.field] : [])));
  return renderCard('ticket-change', {
    heading: words(`${created ? 'New ticket' : 'Ticket updated'}: ${plain(ticket.id)}`),
    title: plainShort(ticket.title, 200, '(no title)'),
    changes: changeRows(changes, now),
    facts: snapshotFacts(ticket, now, changed),
    actions: ticketNotifyActions(ticket.id),
  });
}
