import type { Ticket, TicketNote } from '../mmd/types';
import type { NoteSummary, TicketSnapshot } from '../protocol/ticket-change';

export type { NoteSummary, TicketSnapshot };

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
