import type { TicketType } from '../mmd/types';
import { TICKET_CATALOG } from '../catalog/categories';
import { categoryChoices, subcategoryChoices } from './category-catalog';
import type { Choice } from './field-rules';

/**
 * The values the new ticket form offers, in one place. Categories and subcategories come from the
 * one catalogue (src/catalog/categories.ts), stray spaces included: the form shows them trimmed
 * and sends the documented value.
 */
export { TICKET_CATALOG };

export const TICKET_TYPES: ReadonlyArray<{ value: TicketType; title: string }> = [
  { value: 'RequestForInformation', title: 'Request for information' },
  { value: 'ChangeRequest', title: 'Change request' },
  { value: 'Incident', title: 'Incident' },
];

/** Named levels; the API takes 1 (critical) to 4 (low). */
export const SEVERITIES: readonly Choice[] = [
  { value: '1', title: 'Critical' },
  { value: '2', title: 'High' },
  { value: '3', title: 'Moderate' },
  { value: '4', title: 'Low' },
];

export const TICKET_CATEGORY_CHOICES = categoryChoices(TICKET_CATALOG);
export const TICKET_SUBCATEGORY_CHOICES = subcategoryChoices(TICKET_CATALOG);
