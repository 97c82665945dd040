import { randomUUID } from 'node:crypto';
import type { FormNotice } from '../../protocol/form-notice';
import { plain } from '../../cards/escape';
import { ticketDetailCard } from '../../cards/ticket-detail-card';
import { newTicketForm } from '../../cards/ticket-form-card';
import { ticketSchema } from '../../mmd/parse-ticket';
import type { BotDeps } from '../deps';
import { contactFromProfile } from '../forms/contact-prefill';
import { formText, type FieldErrors } from '../../protocol/field-rules';
import { submitOnce } from '../forms/submit-form';
import { checkNewTicket, NEW_TICKET_FIELDS, type NewTicketInput } from '../../protocol/ticket-rules';
import { card, type Reply } from '../reply';
import type { Turn } from '../turn';
import type { VerbData } from '../../protocol/verbs';

/** `new ticket`, or "New ticket" on a device card (the device goes into the description). */
export async function openTicketForm(turn: Turn, query: { deviceName?: string }, deps: BotDeps): Promise<Reply> {
  const deviceName = query.deviceName?.trim();
  const prefill: Partial<NewTicketInput> = deviceName ? { category: 'Devices', description: `Device: ${deviceName}\n` } : {};
  const contact = await contactFromProfile(turn);
  return card(newTicketForm({ prefill, contact, formId: randomUUID(), now: deps.now() }));
}

/** The new ticket form's submit: checked, then created once per form. */
export async function createTicket(turn: Turn, data: VerbData<'ticket.create'>, deps: BotDeps): Promise<Reply> {
  const now = deps.now();
  const raw: Record<string, unknown> = data;
  const form = async (errors: FieldErrors, notice?: FormNotice) =>
    card(newTicketForm({ prefill: formText(NEW_TICKET_FIELDS, raw), formId: data.formId, errors, notice, now }));
  const check = checkNewTicket(raw, now, turn.utcOffsetMinutes);
  if (!check.ok) return form(check.errors);
  return submitOnce({
    turn,
    deps,
    formId: data.formId,
    verb: 'ticket.create',
    subject: 'ticket',
    result: ticketSchema,
    work: () => deps.mmd.tickets.create(check.ticket),
    done: async (ticket) => card(ticketDetailCard({ ticket, notes: [], now }), `Ticket ${plain(ticket.id)} was created.`),
    form,
  });
}
