import { newFormId } from '../../state/form-id';
import { z } from 'zod';
import type { FormNotice } from '../../protocol/form-notice';
import { plain } from '../../cards/escape';
import { addNoteForm } from '../../cards/note-form-card';
import { ticketDetailCard } from '../../cards/ticket-detail-card';
import { MmdApiError } from '../../mmd/mmd-api-error';
import type { BotDeps } from '../deps';
import { formText, type FieldErrors } from '../../protocol/field-rules';
import { checkNote, NOTE_FIELDS, plainToHtml } from '../../protocol/note-rules';
import { submitOnce } from '../forms/submit-form';
import { signText } from '../sign-text';
import { recordChange } from '../audit-trail';
import { tooLongWithAttribution } from '../../protocol/attribution';
import { findAddedNote } from '../forms/find-earlier';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import type { VerbData } from '../../protocol/verbs';
import type { BackView } from '../../protocol/views';

/** "Add note" on a ticket card. */
export async function openNoteForm(turn: Turn, query: { id: string; back?: BackView }, deps: BotDeps): Promise<Reply> {
  const ticket = await deps.mmd.tickets.get(query.id, { signal: turn.signal });
  if (!ticket) return say('I could not find ticket ', { value: query.id }, '. Type ', { command: 'tickets' }, ' to see recent tickets.');
  return card(
    addNoteForm({ ticketId: ticket.id, ticketTitle: ticket.title, formId: newFormId(deps.now()), now: deps.now(), back: query.back }),
  );
}

const noteResult = z.object({ ticketId: z.string() });

/** The note form's submit: the note is added once per form, then the ticket is shown with it. */
export async function addNote(turn: Turn, data: VerbData<'ticket.addNote'>, deps: BotDeps): Promise<Reply> {
  const now = deps.now();
  const raw: Record<string, unknown> = data;
  const form = async (errors: FieldErrors, notice?: FormNotice) =>
    card(
      addNoteForm({
        ticketId: data.ticketId,
        formId: data.formId,
        values: formText(NOTE_FIELDS, raw),
        errors,
        notice,
        now,
        back: data.back,
      }),
    );
  const check = checkNote(raw, now);
  if (!check.ok) return form(check.errors);
  const signed = await signText(turn, deps, check.text, NOTE_FIELDS.text.maxLength);
  if (!signed.ok) return form({ text: tooLongWithAttribution('note', signed.room, check.text.length) });
  // The service keeps notes as HTML: sent escaped, the note reads back exactly as typed.
  const html = plainToHtml(signed.text);
  return submitOnce({
    turn,
    deps,
    formId: data.formId,
    verb: 'ticket.addNote',
    subject: 'note',
    result: noteResult,
    work: async () => {
      await deps.mmd.tickets.addNote(data.ticketId, html, { signal: turn.signal });
      await recordChange(turn, deps, { action: 'ticket.note', target: { kind: 'ticket', id: data.ticketId } });
      return { ticketId: data.ticketId };
    },
    reconcile: async (since) =>
      (await findAddedNote(deps.mmd, data.ticketId, html, since, turn.signal)) ? { ticketId: data.ticketId } : undefined,
    done: (result) => ticketWithNotes(turn, result.ticketId, deps, data.back),
    form,
  });
}

/** The ticket with its notes; the note is in, so a failed read only loses the card, not the news. */
async function ticketWithNotes(turn: Turn, id: string, deps: BotDeps, back?: BackView): Promise<Reply> {
  const added = `Your note was added to ticket ${plain(id)}.`;
  try {
    const ticket = await deps.mmd.tickets.get(id, { signal: turn.signal });
    if (!ticket) return say('Your note was added to ticket ', { value: id }, '.');
    const notes = await deps.mmd.tickets.notes(ticket.id, { signal: turn.signal });
    return card(ticketDetailCard({ ticket, notes, now: nowFor(turn, deps), back }), added);
  } catch (err) {
    if (!(err instanceof MmdApiError)) throw err;
    turn.log.warn({ err }, 'note added, ticket not re-read');
    return say(
      'Your note was added to ticket ',
      { value: id },
      '. I could not show the ticket just now; type ',
      { command: `ticket ${id}` },
      ' to see it.',
    );
  }
}
