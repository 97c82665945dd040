import type { NewTicket, TicketType } from '../mmd/types';
import { checkFields, type FieldErrors, type FieldRules, type FieldValue } from './field-rules';
import { documentedSubcategory, wrongSubcategory } from './category-catalog';
import { SEVERITIES, TICKET_CATALOG, TICKET_CATEGORY_CHOICES, TICKET_SUBCATEGORY_CHOICES, TICKET_TYPES } from './ticket-catalog';
import { EMAIL_PATTERN, PHONE_PATTERN } from './patterns';

/** The fields every ticket has. */
const TICKET_FIELDS = {
  type: {
    kind: 'choice',
    label: 'Type',
    style: 'compact',
    required: true,
    choices: TICKET_TYPES,
    errorMessage: 'Choose the type of ticket.',
  },
  category: {
    kind: 'choice',
    label: 'Category',
    style: 'compact',
    required: true,
    choices: TICKET_CATEGORY_CHOICES,
    errorMessage: 'Choose a category.',
  },
  subcategory: {
    kind: 'choice',
    label: 'Subcategory',
    // The card lists only the chosen category's (src/cards/category-fields.ts); all of them here.
    // Filtered, not compact: the Agents Playground keeps a compact choice set's first list of
    // choices when the card is replaced in place, and refreshes a filtered one's when it opens.
    style: 'filtered',
    placeholder: 'Type to search',
    required: true,
    choices: TICKET_SUBCATEGORY_CHOICES,
    errorMessage: 'Choose a subcategory.',
  },
  title: {
    kind: 'text',
    label: 'Title',
    required: true,
    maxLength: 200,
    placeholder: 'A short summary of the question or issue',
    errorMessage: 'Enter a title (at most 200 characters).',
  },
  description: {
    kind: 'text',
    label: 'Description',
    required: true,
    maxLength: 3000,
    multiline: true,
    errorMessage: 'Enter a description (at most 3000 characters).',
  },
  severity: {
    kind: 'choice',
    label: 'Severity',
    style: 'compact',
    required: true,
    choices: SEVERITIES,
    errorMessage: 'Choose a severity.',
  },
  givenName: {
    kind: 'text',
    label: 'Given name',
    required: true,
    maxLength: 64,
    errorMessage: 'Enter the contact’s given name (at most 64 characters).',
  },
  surname: {
    kind: 'text',
    label: 'Surname',
    required: true,
    maxLength: 64,
    errorMessage: 'Enter the contact’s surname (at most 64 characters).',
  },
  email: {
    kind: 'text',
    label: 'E-mail',
    required: true,
    maxLength: 254,
    regex: EMAIL_PATTERN,
    placeholder: 'name@contoso.com',
    errorMessage: 'Enter an e-mail address such as name@contoso.com.',
  },
  phone: {
    kind: 'text',
    label: 'Phone',
    required: true,
    maxLength: 32,
    regex: PHONE_PATTERN,
    placeholder: '+1 425 555 0100',
    errorMessage: 'Enter a phone number: digits, spaces and + ( ) - . / only.',
  },
} as const satisfies FieldRules;

/** The optional incident fields (sent only for incidents). */
export const INCIDENT_FIELDS = {
  usersOrDevicesImpacted: {
    kind: 'number',
    label: 'Users or devices impacted',
    required: false,
    min: 1,
    max: 1_000_000,
    errorMessage: 'Enter a whole number from 1 to 1,000,000.',
  },
  businessImpact: {
    kind: 'text',
    label: 'Business impact',
    required: false,
    maxLength: 1000,
    multiline: true,
    errorMessage: 'Describe the business impact in at most 1000 characters.',
  },
  issueDate: {
    kind: 'date',
    label: 'Issue first noticed (day)',
    required: false,
    notAfterToday: true,
    errorMessage: 'Choose a day that is not in the future.',
  },
  issueTime: { kind: 'time', label: 'Issue first noticed (time)', required: false, errorMessage: 'Enter a time such as 09:30.' },
  issueReproduced: {
    kind: 'toggle',
    label: 'Reproduced on a non-managed device',
    title: 'The issue also happens on a device Microsoft Managed Desktop does not manage',
    required: false,
    errorMessage: 'Choose yes or no.',
  },
  endUserSupportEngaged: {
    kind: 'toggle',
    label: 'End-user support engaged',
    title: 'Our own end-user support has already looked at it',
    required: false,
    errorMessage: 'Choose yes or no.',
  },
  troubleshootingSteps: {
    kind: 'text',
    label: 'Troubleshooting steps',
    required: false,
    maxLength: 2000,
    multiline: true,
    errorMessage: 'Describe the troubleshooting steps in at most 2000 characters.',
  },
  reproSteps: {
    kind: 'text',
    label: 'Steps to reproduce',
    required: false,
    maxLength: 2000,
    multiline: true,
    errorMessage: 'Describe the steps to reproduce in at most 2000 characters.',
  },
} as const satisfies FieldRules;

export const NEW_TICKET_FIELDS = { ...TICKET_FIELDS, ...INCIDENT_FIELDS } as const satisfies FieldRules;

export type NewTicketField = keyof typeof NEW_TICKET_FIELDS;

/** The form's values as the card holds them: text, one entry per input. */
export type NewTicketInput = Record<NewTicketField, string>;

export type TicketCheck = { ok: true; ticket: NewTicket } | { ok: false; errors: FieldErrors };

const str = (v: FieldValue): string => (typeof v === 'string' ? v : '');

/**
 * The server's check of a new ticket submit: the field rules (the same as the card's) plus what
 * a card cannot check (subcategory belongs to the category, a time needs a day, the moment is
 * not in the future). `utcOffsetMinutes` is the user's offset (from the activity) for the day
 * and time they typed; 0 when unknown.
 */
export function checkNewTicket(raw: Record<string, unknown>, now: Date, utcOffsetMinutes = 0): TicketCheck {
  const { values, errors } = checkFields(NEW_TICKET_FIELDS, raw, now);
  const type = str(values.type) as TicketType | '';
  const category = str(values.category);
  const subcategory = documentedSubcategory(TICKET_CATALOG, category, str(values.subcategory));
  if (category && values.subcategory !== undefined && subcategory === undefined) {
    errors.subcategory = wrongSubcategory(TICKET_CATALOG, category);
  }
  let firstNoticed: string | undefined;
  if (type === 'Incident' && !errors.issueDate && !errors.issueTime) {
    if (values.issueTime !== undefined && values.issueDate === undefined) errors.issueDate = 'Choose the day as well as the time.';
    else if (values.issueDate !== undefined) {
      firstNoticed = toInstant(str(values.issueDate), str(values.issueTime) || '00:00', utcOffsetMinutes);
      if (firstNoticed > now.toISOString()) errors.issueTime = 'That moment is in the future. Enter when the issue was first noticed.';
    }
  }
  if (Object.keys(errors).length || !type || subcategory === undefined) return { ok: false, errors };

  const ticket: NewTicket = {
    title: str(values.title),
    description: str(values.description),
    type,
    category,
    subcategory,
    severity: Number(values.severity),
    contact: {
      givenName: str(values.givenName),
      surname: str(values.surname),
      email: str(values.email),
      phoneNumber: str(values.phone),
    },
  };
  if (type !== 'Incident') return { ok: true, ticket };
  return {
    ok: true,
    ticket: {
      ...ticket,
      ...(typeof values.usersOrDevicesImpacted === 'number' ? { usersOrDevicesImpacted: values.usersOrDevicesImpacted } : {}),
      ...(values.businessImpact !== undefined ? { businessImpact: str(values.businessImpact) } : {}),
      ...(firstNoticed ? { issueFirstNoticed: firstNoticed } : {}),
      issueReproduced: values.issueReproduced === true,
      endUserSupportEngaged: values.endUserSupportEngaged === true,
      ...(values.troubleshootingSteps !== undefined ? { troubleshootingSteps: str(values.troubleshootingSteps) } : {}),
      ...(values.reproSteps !== undefined ? { reproSteps: str(values.reproSteps) } : {}),
    },
  };
}

/** "2021-10-06" + "09:00" at UTC+02:00 -> "2021-10-06T07:00:00Z" (the documents' form). */
export function toInstant(day: string, time: string, utcOffsetMinutes: number): string {
  const local = Date.parse(`${day}T${time}:00Z`);
  return new Date(local - utcOffsetMinutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
