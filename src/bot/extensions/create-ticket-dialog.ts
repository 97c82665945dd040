import { newFormId } from '../../state/form-id';
import { plain } from '../../cards/escape';
import { ticketDetailCard } from '../../cards/ticket-detail-card';
import { newTicketForm } from '../../cards/ticket-form-card';
import type { Ticket } from '../../mmd/types';
import { formText, type FieldErrors } from '../../protocol/field-rules';
import type { FormNotice } from '../../protocol/form-notice';
import { checkNewTicket, NEW_TICKET_FIELDS } from '../../protocol/ticket-rules';
import { VERBS } from '../../protocol/verbs';
import type { BotDeps } from '../deps';
import { contactFromProfile } from '../forms/contact-prefill';
import { submitOnce } from '../forms/submit-form';
import { ticketCreation } from '../handlers/ticket-form';
import { card } from '../reply';
import type { Turn } from '../turn';
import { dialog, dialogMessage, results, type ExtensionReply } from './extension-reply';
import type { ExtensionInvoke } from './extension-invoke';
import { prefillFromMessage } from './message-prefill';
import { ticketItem } from './result-items';

export type FetchTaskInput = Extract<ExtensionInvoke, { kind: 'fetchTask' }>;
export type SubmitActionInput = Extract<ExtensionInvoke, { kind: 'submitAction' }>;

const TITLE = 'New MMD ticket';
const CANCELLED = 'Cancelled, nothing was created. You can close this dialog.';
const TAMPERED = 'That form sent data I cannot accept, so no ticket was created. Close this dialog and start again from the message.';

/** composeExtension/fetchTask of "Create MMD ticket from this message": the form, prefilled. */
export async function openTicketDialog(turn: Turn, input: FetchTaskInput, deps: BotDeps): Promise<ExtensionReply> {
  const contact = await contactFromProfile(turn);
  const prefill = prefillFromMessage(input.message);
  return dialog(TITLE, newTicketForm({ prefill, contact, formId: newFormId(deps.now()), now: deps.now(), inDialog: true }));
}

/**
 * composeExtension/submitAction: the chat form's own path (the verb's schema, the ticket rules,
 * then one create per formId through the form claims), answered in the dialog's terms: the form
 * again with field errors, or the new ticket's card for the conversation.
 */
export async function submitTicketDialog(turn: Turn, input: SubmitActionInput, deps: BotDeps): Promise<ExtensionReply> {
  const data = input.data;
  const verb = data && typeof data === 'object' && !Array.isArray(data) ? (data as { verb?: unknown }).verb : undefined;
  if (verb === 'form.cancel') return dialogMessage(CANCELLED);
  if (verb !== 'ticket.create' && verb !== 'ticket.chooseCategory') {
    turn.log.warn('dialog submit without the ticket.create verb');
    return dialogMessage(TAMPERED);
  }
  const { verb: _verb, ...fields } = data as Record<string, unknown>;
  const parsed = VERBS['ticket.create'].safeParse(fields);
  if (!parsed.success) {
    turn.log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'dialog submit rejected');
    return dialogMessage(TAMPERED);
  }
  if (verb === 'ticket.chooseCategory') {
    // The same form, its subcategories those of the chosen category (the chat form's step).
    const prefill = formText(NEW_TICKET_FIELDS, parsed.data);
    return dialog(TITLE, newTicketForm({ prefill, formId: parsed.data.formId, now: deps.now(), inDialog: true }));
  }
  const now = deps.now();
  const raw: Record<string, unknown> = parsed.data;
  const formId = parsed.data.formId;
  const form = (errors: FieldErrors, notice?: FormNotice) =>
    newTicketForm({ prefill: formText(NEW_TICKET_FIELDS, raw), formId, errors, notice, now, inDialog: true });
  const check = checkNewTicket(raw, now, turn.utcOffsetMinutes);
  if (!check.ok) return dialog(TITLE, form(check.errors));

  // submitOnce answers in chat terms (a Reply); which callback ran says what it means here.
  const seen: { created?: Ticket; form?: boolean } = {};
  const reply = await submitOnce({
    turn,
    deps,
    formId,
    ...ticketCreation(turn, deps, check.ticket),
    done: async (ticket) => {
      seen.created = ticket;
      return card(ticketDetailCard({ ticket, notes: [], now }), `Ticket ${plain(ticket.id)} was created.`);
    },
    form: async (errors, notice) => {
      seen.form = true;
      return card(form(errors, notice));
    },
  });
  if (seen.created)
    return results([{ ...ticketItem(seen.created, now), card: ticketDetailCard({ ticket: seen.created, notes: [], now }) }]);
  if (seen.form && reply.kind === 'card') return dialog(TITLE, reply.card);
  return dialogMessage(reply.kind === 'card' ? TAMPERED : (reply.text ?? TAMPERED));
}
