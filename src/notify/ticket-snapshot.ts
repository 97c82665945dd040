import type { Ticket, TicketNote } from '../mmd/types';

/**
 * What the notifier remembers of a ticket between polls: the fields a subscriber hears about,
 * plus the key facts a notification card shows. Small on purpose: the poller keeps one per
 * ticket of the tenant.
 */
export interface TicketSnapshot {
  id: string;
  title: string | null;
  state: string | null;
  severity: number | null;
  nextActionOwner: string | null;
  nextActionTime: string | null;
  resolvedDateTime: string | null;
  createdDateTime: string | null;
}

export function ticketSnapshot(ticket: Ticket): TicketSnapshot {
  return {
    id: ticket.id,
    title: ticket.title,
    state: ticket.state,
    severity: ticket.severity,
    nextActionOwner: ticket.nextActionOwner,
    nextActionTime: ticket.nextActionTime,
    resolvedDateTime: ticket.resolvedDateTime,
    createdDateTime: ticket.createdDateTime,
  };
}

/** A note as a notification carries it: the id and what the card shows. */
export interface NoteSummary {
  id: string;
  sender: string | null;
  createdDateTime: string | null;
  text: string;
  renderType: string | null;
}

/** Note ids are numbers in the documents and strings elsewhere: one string form for both. */
export function noteId(note: Pick<TicketNote, 'id' | 'createdDateTime' | 'sender'>): string {
  if (note.id !== null && note.id !== undefined && String(note.id) !== '') return String(note.id);
  // No id from the service: the creation time and sender tell notes apart well enough.
  return `t:${note.createdDateTime ?? ''}|${note.sender ?? ''}`;
}

const MAX_NOTE_TEXT = 2000;

export function noteSummary(note: TicketNote): NoteSummary {
  return {
    id: noteId(note),
    sender: note.sender,
    createdDateTime: note.createdDateTime,
    text: (note.text ?? '').slice(0, MAX_NOTE_TEXT),
    renderType: note.renderType,
  };
}
