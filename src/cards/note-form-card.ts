import type { FieldErrors } from '../protocol/field-rules';
import { NOTE_FIELDS } from '../protocol/note-rules';
import { execute, executeIfValid, type ExecuteAction } from './card-action';
import type { FormNotice } from '../protocol/form-notice';
import type { BackView } from '../protocol/views';
import { fieldItems, formValues, noticeView } from './card-form-parts';
import { plain, plainShort } from './escape';
import { renderCard, type AdaptiveCard } from './render';

export interface NoteFormInput {
  ticketId: string;
  /** The list the ticket was opened from: the ticket keeps its Back after the note (or Cancel). */
  back?: BackView;
  /** Shown under the heading when known. */
  ticketTitle?: string | null;
  formId: string;
  values?: { text?: string };
  errors?: FieldErrors;
  notice?: FormNotice;
  now: Date;
}

/** Add a note to a ticket; Cancel goes back to the ticket. */
export function addNoteForm({ ticketId, ticketTitle, formId, values, errors = {}, notice, now, back }: NoteFormInput): AdaptiveCard {
  return renderCard('note-form', {
    heading: `Add a note to ticket ${plain(ticketId)}`,
    subtitle: ticketTitle?.trim() ? plainShort(ticketTitle, 200) : '',
    notice: noticeView(notice, errors),
    fields: fieldItems(NOTE_FIELDS, formValues(['text'], values), errors, now),
    actions: [
      execute('Add note', 'ticket.addNote', { formId, ticketId, back }, { style: 'positive' }),
      // Cancel must not require the note (associatedInputs none skips the client's checks).
      executeIfValid('Cancel', 'ticket.open', { id: ticketId, back }, { ignoreInputs: true }),
    ].filter((a): a is ExecuteAction => a !== null),
  });
}
