import type { MmdClient } from '../../mmd/mmd-client';
import type { ElevationRequest, NewElevationRequest, NewTicket, Ticket } from '../../mmd/types';

/** Clocks differ: a ticket created a little before the claim's time (by the service's clock) still counts. */
const SKEW_MS = 2 * 60_000;

/**
 * The ticket an unanswered create may have made: same title (an escaped OData `eq` literal),
 * same contact e-mail, created since the claim. Undefined when there is none (the form may be
 * sent again); throws when the service cannot answer now.
 */
export async function findCreatedTicket(mmd: MmdClient, ticket: NewTicket, since: Date, signal?: AbortSignal): Promise<Ticket | undefined> {
  const page = await mmd.tickets.list(
    { title: ticket.title, top: 20, orderBy: { field: 'createdDateTime', direction: 'desc' } },
    { signal },
  );
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

/**
 * The elevation request an unanswered create may have made: on the same device, for the same
 * ticket, with the same title and plan of action, created since the claim. Undefined when
 * there is none (the form may be sent again); throws when the service cannot answer now.
 */
export async function findCreatedElevation(
  mmd: MmdClient,
  request: NewElevationRequest,
  since: Date,
  signal?: AbortSignal,
): Promise<ElevationRequest | undefined> {
  const page = await mmd.elevations.list({ deviceName: request.deviceName, top: 50 }, { signal });
  const same = (a: string | null, b: string) => (a ?? '').trim() === b.trim();
  return page.items.find(
    (r) =>
      same(r.partnerTicketId, request.partnerTicketId) &&
      same(r.title, request.title) &&
      same(r.planOfAction, request.planOfAction) &&
      r.requestCreationTime !== null &&
      Date.parse(r.requestCreationTime) >= since.getTime() - SKEW_MS,
  );
}

/**
 * Whether an unanswered close of request `id` closed it: its closure time when the request
 * shows one, undefined when it is still open (the form may be sent again). Throws when the
 * request cannot be found (no device name to look it up by, or not listed): then nobody can tell.
 */
export async function findClosure(
  mmd: MmdClient,
  id: string,
  deviceName: string | undefined,
  signal?: AbortSignal,
): Promise<{ closedAt: string; actionsTaken: string | null } | undefined> {
  if (!deviceName) throw new Error('no device name to find the elevation request by');
  const page = await mmd.elevations.list({ deviceName, top: 50 }, { signal });
  const request = page.items.find((r) => r.id.trim().toLowerCase() === id.trim().toLowerCase());
  if (!request) throw new Error('the elevation request is not listed on its device');
  return request.requestClosureTime ? { closedAt: request.requestClosureTime, actionsTaken: request.actionsTaken } : undefined;
}
