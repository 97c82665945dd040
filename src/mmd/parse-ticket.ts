import { z } from 'zod';
import { bool, id, listOf, num, text } from '../http/parse-common';
import type { Ticket, TicketContact, TicketNote } from './types';

const contactSchema: z.ZodType<TicketContact> = z.object({
  id: text,
  givenName: text,
  surname: text,
  email: text,
  phoneNumber: text,
  preferredLanguageId: text,
});

/** Notes carry `renderType: "html"`: `text` may hold markup, rendered later as plain text. */
export const noteSchema: z.ZodType<TicketNote> = z.object({
  id: z.union([z.number(), z.string()]).nullable().catch(null),
  type: text,
  renderType: text,
  createdDateTime: text,
  modifiedDateTime: text,
  text: z
    .string()
    .nullable()
    .catch(null)
    .transform((v) => v ?? ''),
  sender: text,
});

/**
 * A ticket. `type` and `subcategory` are kept as sent ("Change Request", "Other "): see
 * enums.ts for display. `severity` may come as a number or a numeric string.
 */
export const ticketSchema: z.ZodType<Ticket> = z.object({
  id,
  title: text,
  description: text,
  isPartner: bool,
  type: text,
  category: text,
  subcategory: text,
  compromiseIndicator: text,
  usersOrDevicesImpacted: num,
  relatedAlerts: text,
  businessImpact: text,
  issueFirstNoticed: text,
  issueReproduced: bool,
  endUserSupportEngaged: bool,
  troubleshootingSteps: text,
  nextActionOwner: text,
  nextActionTime: text,
  reproSteps: text,
  severity: num,
  state: text,
  createdDateTime: text,
  resolvedDateTime: text,
  contact: contactSchema.nullable().catch(null),
  notes: listOf(noteSchema),
});
