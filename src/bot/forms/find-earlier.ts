import type { MmdClient } from '../../mmd/mmd-client';
import type { NewTicket, Ticket } from '../../mmd/types';

/** Clocks differ: a ticket created a little before the claim's time (by the service's clock) still counts. */
const SKEW_MS = 2 * 60_000;

/**
 * The ticket an unanswered create may have made: same title (an escaped OData `eq` literal),
 * same contact e-mail, created since the claim. Undefined when there is none (the form may be
 * sent again); throws when the service cannot answer now.
 */
export async function findCreatedTicket(
  mmd: MmdClient,
  ticket: NewTicket,
  since: Date,
  signal?: AbortSignal,
): Promise<Ticket | undefined> {
  const page = await mmd.tickets.list({ title: ticket.title, top: 20, orderBy: { field: 'createdDateTime', direction: 'desc' } }, { signal });
  const email = ticket.contact.email.trim().toLowerCase();
  return page.items.find(
    (t) =>
      t.title === ticket.title &&
      (t.contact?.email ?? '').trim().toLowerCase() === email &&
      t.createdDateTime !== null &&
      Date.parse(t.createdDateTime) >= since.getTime() - SKEW_MS,
  );
}

/** Whether the note an unanswered add may have made is on the ticket: same text, added since the claim. */
export async function findAddedNote(mmd: MmdClient, ticketId: string, text: string, since: Date, signal?: AbortSignal): Promise<boolean> {
  const notes = await mmd.tickets.notes(ticketId, { signal });
  const wanted = text.trim();
  return notes.some(
    (n) => n.text.trim() === wanted && (n.createdDateTime === null || Date.parse(n.createdDateTime) >= since.getTime() - SKEW_MS),
  );
}
