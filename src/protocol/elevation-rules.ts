import type { NewElevationRequest } from '../mmd/types';
import { documentedSubcategory, wrongSubcategory } from './category-catalog';
import { ELEVATION_CATALOG, ELEVATION_CATEGORY_CHOICES, ELEVATION_SUBCATEGORY_CHOICES } from './elevation-catalog';
import { checkFields, type FieldErrors, type FieldRules, type FieldValue } from './field-rules';
import { TICKET_ID_FIELD_PATTERN } from '../intents/ticket-id';
import { DEVICE_NAME_PATTERN } from './patterns';

export const ELEVATION_FIELDS = {
  deviceName: {
    kind: 'text',
    label: 'Device',
    required: true,
    maxLength: 64,
    regex: DEVICE_NAME_PATTERN,
    placeholder: 'MMD-00001',
    errorMessage: 'Enter the device name: letters, digits, dot, underscore and hyphen, at most 64.',
  },
  /**
   * One of the user's open tickets. The card shows it as a choice set filled from the API when
   * the form opens; the server cannot know which tickets were offered, so it checks the id's
   * shape here and that the ticket exists when the form is sent.
   */
  ticketChoice: {
    kind: 'text',
    label: 'Linked support ticket',
    required: false,
    maxLength: 64,
    regex: TICKET_ID_FIELD_PATTERN,
    errorMessage: 'Choose one of the open tickets.',
  },
  ticketId: {
    kind: 'text',
    label: 'Or type a ticket id',
    required: false,
    maxLength: 64,
    regex: TICKET_ID_FIELD_PATTERN,
    placeholder: 'MMD-1465058-R5V8P',
    errorMessage: 'Enter a ticket id such as MMD-1465058-R5V8P.',
  },
  title: {
    kind: 'text',
    label: 'Title',
    required: true,
    maxLength: 200,
    errorMessage: 'Enter a title (at most 200 characters).',
  },
  category: {
    kind: 'choice',
    label: 'Category',
    style: 'compact',
    required: true,
    choices: ELEVATION_CATEGORY_CHOICES,
    errorMessage: 'Choose a category.',
  },
  subcategory: {
    kind: 'choice',
    label: 'Subcategory',
    // Filtered: refreshed in place like the ticket form's (see ticket-rules.ts).
    style: 'filtered',
    placeholder: 'Type to search',
    required: true,
    choices: ELEVATION_SUBCATEGORY_CHOICES,
    errorMessage: 'Choose a subcategory.',
  },
  planOfAction: {
    kind: 'text',
    label: 'Plan of action',
    required: true,
    maxLength: 2000,
    multiline: true,
    placeholder: 'What you will do with local administrator rights',
    errorMessage: 'Describe the plan of action (at most 2000 characters).',
  },
} as const satisfies FieldRules;

export const CLOSE_FIELDS = {
  actionsTaken: {
    kind: 'text',
    label: 'Actions taken',
    required: true,
    maxLength: 2000,
    multiline: true,
    placeholder: 'What was done with the elevated rights',
    errorMessage: 'Describe the actions taken (at most 2000 characters).',
  },
} as const satisfies FieldRules;

export type ElevationField = keyof typeof ELEVATION_FIELDS;
export type ElevationInput = Record<ElevationField, string>;

const NO_TICKET = 'Choose one of your open tickets or type a ticket id.';

export type ElevationCheck = { ok: true; request: NewElevationRequest } | { ok: false; errors: FieldErrors };

const str = (v: FieldValue): string => (typeof v === 'string' ? v : '');

/** The server's check of an elevation request: the field rules plus "a ticket is linked" and the category pair. */
export function checkElevation(raw: Record<string, unknown>, now: Date): ElevationCheck {
  const { values, errors } = checkFields(ELEVATION_FIELDS, raw, now);
  const ticket = str(values.ticketId) || str(values.ticketChoice);
  if (!ticket && !errors.ticketId && !errors.ticketChoice) errors.ticketId = NO_TICKET;
  const category = str(values.category);
  const subcategory = documentedSubcategory(ELEVATION_CATALOG, category, str(values.subcategory));
  if (category && values.subcategory !== undefined && subcategory === undefined) {
    errors.subcategory = wrongSubcategory(ELEVATION_CATALOG, category);
  }
  if (Object.keys(errors).length || subcategory === undefined) return { ok: false, errors };
  return {
    ok: true,
    request: {
      partnerTicketId: ticket,
      deviceName: str(values.deviceName),
      title: str(values.title),
      category,
      subcategory,
      planOfAction: str(values.planOfAction),
    },
  };
}

export type CloseCheck = { ok: true; actionsTaken: string } | { ok: false; errors: FieldErrors };

export function checkClose(raw: Record<string, unknown>, now: Date): CloseCheck {
  const { values, errors } = checkFields(CLOSE_FIELDS, raw, now);
  if (Object.keys(errors).length || typeof values.actionsTaken !== 'string') return { ok: false, errors };
  return { ok: true, actionsTaken: values.actionsTaken };
}
