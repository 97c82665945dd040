import { createHash } from 'node:crypto';
import type { TicketChange } from './diff';
import type { TicketSnapshot } from './ticket-snapshot';

/**
 * One thing to tell subscribers, written to the outbox before anything is sent.
 * - change: what happened to one ticket in one poll (several changes are one event);
 * - digest: changes held for one conversation (quiet hours, digest mode), sent as one card.
 */
export interface ChangeEvent {
  kind: 'change';
  id: string;
  ticket: TicketSnapshot;
  changes: TicketChange[];
  /** ISO time the poller noticed it. */
  at: string;
  /** Conversation keys, fixed when the event is written so a restart fans out to the same set. */
  subscribers: string[];
}

interface DigestEvent {
  kind: 'digest';
  id: string;
  at: string;
  subscribers: [string];
  items: Array<{ ticket: TicketSnapshot; changes: TicketChange[]; at: string }>;
}

export type NotifyEvent = ChangeEvent | DigestEvent;

/**
 * The id of a change event: the same ticket at the same snapshot revision with the same changes
 * gives the same id, so a poller that crashed after writing the event and before saving its
 * snapshot writes nothing new on restart. The revision keeps a later identical flip
 * (resolved, reopened, resolved again) a new event.
 */
export function changeEventId(ticketId: string, revision: number, changes: readonly TicketChange[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([ticketId, revision, changes]))
    .digest('hex')
    .slice(0, 24);
  return `c-${hash}`;
}

export function digestEventId(conversationKey: string, heldEventIds: readonly string[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([conversationKey, [...heldEventIds].sort()]))
    .digest('hex')
    .slice(0, 24);
  return `d-${hash}`;
}
