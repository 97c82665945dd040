import { newFormId } from '../../state/form-id';
import type { FormNotice } from '../../protocol/form-notice';
import type { FormOrigin } from '../../protocol/views';
import { plain } from '../../cards/escape';
import { ticketDetailCard } from '../../cards/ticket-detail-card';
import { newTicketForm } from '../../cards/ticket-form-card';
import { ticketSchema } from '../../mmd/parse-ticket';
import { targetFromReference } from '../../notify/target-from-reference';
import type { BotDeps } from '../deps';
import { currentNoteIds } from './subscribe';
import { contactFromProfile } from '../forms/contact-prefill';
import { formText, type FieldErrors } from '../../protocol/field-rules';
import { submitOnce, type SubmitSpec } from '../forms/submit-form';
import { recordChange } from '../audit-trail';
import { findCreatedTicket } from '../forms/find-earlier';
import { checkNewTicket, NEW_TICKET_FIELDS, type NewTicketInput } from '../../protocol/ticket-rules';
import type { NewTicket, Ticket } from '../../mmd/types';
import { card, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import type { VerbData } from '../../protocol/verbs';

/** Subscribes the creator's conversation; a failure here must not hide the created ticket. */
async function autoSubscribe(turn: Turn, ticketId: string, deps: BotDeps): Promise<boolean> {
  const reference = turn.reference();
  if (!reference) return false;
  try {
    const noteIds = await currentNoteIds(ticketId, deps, turn.signal);
    await deps.notify.subscriptions.subscribe(
      ticketId,
      targetFromReference(reference),
      turn.user.aadObjectId ?? turn.user.id,
      deps.now(),
      noteIds,
    );
    return true;
  } catch (err) {
    turn.log.warn({ err }, 'could not subscribe the creator to the new ticket');
    return false;
  }
}

/** `new ticket`, or "New ticket" on a device card (the device goes into the description). */
export async function openTicketForm(turn: Turn, query: { deviceName?: string; from?: FormOrigin }, deps: BotDeps): Promise<Reply> {
  const deviceName = query.deviceName?.trim();
  const prefill: Partial<NewTicketInput> = deviceName ? { category: 'Devices', description: `Device: ${deviceName}\n` } : {};
  const contact = await contactFromProfile(turn);
  return card(newTicketForm({ prefill, contact, formId: newFormId(deps.now()), from: query.from, now: deps.now() }));
}

/** "Choose subcategory": the form again with what was typed, its subcategories those of the chosen category. */
export async function chooseTicketCategory(_turn: Turn, data: VerbData<'ticket.chooseCategory'>, deps: BotDeps): Promise<Reply> {
  const raw: Record<string, unknown> = data;
  return card(newTicketForm({ prefill: formText(NEW_TICKET_FIELDS, raw), formId: data.formId, from: data.from, now: deps.now() }));
}

/**
 * Creating a ticket once per form, whichever surface submitted it (the chat form, the message
 * extension's dialog): the create call with its audit record, and how to find the ticket at the
 * service after an unclear outcome.
 */
export function ticketCreation(
  turn: Turn,
  deps: BotDeps,
  ticket: NewTicket,
): Pick<SubmitSpec<Ticket>, 'verb' | 'subject' | 'result' | 'work' | 'reconcile'> {
  return {
    verb: 'ticket.create',
    subject: 'ticket',
    result: ticketSchema,
    work: async () => {
      const created = await deps.mmd.tickets.create(ticket, { signal: turn.signal });
      await recordChange(turn, deps, {
        action: 'ticket.create',
        target: { kind: 'ticket', id: created.id },
        detail: created.title ?? undefined,
      });
      return created;
    },
    reconcile: (since) => findCreatedTicket(deps.mmd, ticket, since, turn.signal),
  };
}

/** The new ticket form's submit: checked, then created once per form. */
export async function createTicket(turn: Turn, data: VerbData<'ticket.create'>, deps: BotDeps): Promise<Reply> {
  const now = deps.now();
  const raw: Record<string, unknown> = data;
  const form = async (errors: FieldErrors, notice?: FormNotice) =>
    card(newTicketForm({ prefill: formText(NEW_TICKET_FIELDS, raw), formId: data.formId, from: data.from, errors, notice, now }));
  const check = checkNewTicket(raw, now, turn.utcOffsetMinutes);
  if (!check.ok) return form(check.errors);
  return submitOnce({
    turn,
    deps,
    formId: data.formId,
    ...ticketCreation(turn, deps, check.ticket),
    done: async (ticket) => {
      // Whoever creates a ticket hears about it here; the card's button lets them leave.
      const subscribed = await autoSubscribe(turn, ticket.id, deps);
      if (subscribed && turn.replyToId) await deps.notify.messages.setShownCard(turn.conversationId, ticket.id, turn.replyToId);
      const note = subscribed ? ' You will get an update here whenever it changes.' : '';
      return card(
        ticketDetailCard({ ticket, notes: [], now: nowFor(turn, deps), subscribed }),
        `Ticket ${plain(ticket.id)} was created.${note}`,
      );
    },
    form,
  });
}
