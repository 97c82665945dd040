import type { Now } from './local-time';
import type { TicketNote } from '../mmd/types';
import { executeIfValid, type ExecuteAction } from './card-action';
import { plainShort, words } from './escape';
import { noteRows } from './note-rows';
import { renderCard, type AdaptiveCard } from './render';

// More than the ticket card shows, still well under the 28 KB budget with long notes.
const MAX_NOTES = 20;
const MAX_NOTE_CHARS = 800;

export interface NotesInput {
  ticketId: string;
  notes: TicketNote[];
  now: Now;
}

/** A ticket's notes, newest first, for the `notes <id>` command. */
export function notesCard({ ticketId, notes, now }: NotesInput): AdaptiveCard {
  const id = ticketId.trim();
  const { rows, hidden } = noteRows(notes, now, MAX_NOTES, MAX_NOTE_CHARS);
  return renderCard('notes', {
    heading: `Notes on ${plainShort(id, 64)} (${notes.length})`,
    notes: rows,
    olderNotes: words(hidden > 0 ? `${hidden} older ${hidden === 1 ? 'note' : 'notes'} not shown.` : ''),
    actions: [executeIfValid('Add note', 'ticket.addNoteForm', { id }), executeIfValid('Open ticket', 'ticket.open', { id })].filter(
      (a): a is ExecuteAction => a !== null,
    ),
  });
}
