import type { FormContact } from '../protocol/form-contact';
import type { FieldErrors } from '../protocol/field-rules';
import { INCIDENT_FIELDS, NEW_TICKET_FIELDS, type NewTicketField, type NewTicketInput } from '../protocol/ticket-rules';
import { execute } from './card-action';
import { cancelAction } from './cancel-action';
import type { FormNotice } from '../protocol/form-notice';
import { formValues, noticeView } from './card-form-parts';
import { categoryFormItems, CHOOSE_SUBCATEGORY } from './category-fields';
import { TICKET_CATALOG } from '../protocol/ticket-catalog';
import type { FormOrigin } from '../protocol/views';
import { renderCard, type AdaptiveCard } from './render';

export interface NewTicketFormInput {
  /** Values to start with (a device name in the description, a message's text, ...) or the user's last input. */
  prefill: Partial<NewTicketInput>;
  /** The contact from the user's profile; `prefill` wins where it sets a contact field. */
  contact?: FormContact;
  /** A random UUID: the idempotency key of this form (src/bot/forms/form-claim.ts). */
  formId: string;
  /** Messages per field from the server's check. */
  errors?: FieldErrors;
  notice?: FormNotice;
  now: Date;
  /** The card the form was opened from: Cancel goes back to it. */
  from?: FormOrigin;
  /** Shown in a dialog (message extension): Action.Submit, as Universal Actions do not run in dialogs. */
  inDialog?: boolean;
}

const FIELDS = Object.keys(NEW_TICKET_FIELDS) as NewTicketField[];

/**
 * The new ticket form. The incident fields sit in a section that starts open for incidents (or
 * when it holds input or a message) and that the "Incident details" button shows and hides:
 * Adaptive Cards 1.5 cannot react to the type choice itself, and a toggle needs no round trip,
 * works on clients without Universal Actions, and keeps what was typed.
 */
export function newTicketForm({
  prefill,
  contact,
  formId,
  errors = {},
  notice,
  now,
  inDialog = false,
  from,
}: NewTicketFormInput): AdaptiveCard {
  const contactValues = contact
    ? { givenName: contact.givenName, surname: contact.surname, email: contact.email, phone: contact.phone }
    : undefined;
  const values = formValues(FIELDS, contactValues, prefill);
  const incidentKeys = Object.keys(INCIDENT_FIELDS) as Array<keyof typeof INCIDENT_FIELDS>;
  const incident =
    values.type === 'Incident' || incidentKeys.some((k) => errors[k] !== undefined || (values[k] !== '' && values[k] !== 'false'));
  const data = { formId, ...(from ? { from } : {}) };
  const choose = execute(CHOOSE_SUBCATEGORY, 'ticket.chooseCategory', data);
  const { items, chosen } = categoryFormItems(NEW_TICKET_FIELDS, TICKET_CATALOG, values, errors, now, inDialog ? choose.fallback : choose);
  const create = execute('Create ticket', 'ticket.create', data, { style: 'positive' });
  return renderCard('ticket-form', {
    subtitle: chosen
      ? 'Opens a ticket with Microsoft Managed Desktop support. Fields marked with * are required.'
      : `Opens a ticket with Microsoft Managed Desktop support. First choose the category and press ${CHOOSE_SUBCATEGORY}: the subcategories follow the category.`,
    notice: noticeView(notice, errors),
    fields: items,
    incident,
    // Step 1 has no Create: the subcategory is not chosen yet.
    actions: [...(chosen ? [create] : []), cancelAction(inDialog ? undefined : from)].map((a) => (inDialog ? a.fallback : a)),
  });
}
