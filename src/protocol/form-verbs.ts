import { z } from 'zod';
import { CLOSE_FIELDS, ELEVATION_FIELDS } from './elevation-rules';
import { envelopeShape } from './field-rules';
import { NOTE_FIELDS } from './note-rules';
import { NEW_TICKET_FIELDS } from './ticket-rules';

/**
 * The submit verbs of the forms, registered in src/bot/verbs.ts. Each checks only the envelope
 * (a UUID formId, types, sizes, choice values): what a genuine card can send. Whether the fields
 * are filled in correctly is the form's own check (the *-rules.ts files), answered with the form.
 */
const formId = z.uuid();
const ticketId = z.string().trim().min(1).max(64);

export const FORM_VERBS = {
  'ticket.create': z.object({ ...envelopeShape(NEW_TICKET_FIELDS), formId }),
  'ticket.addNote': z.object({ ...envelopeShape(NOTE_FIELDS), formId, ticketId }),
  'elevation.create': z.object({ ...envelopeShape(ELEVATION_FIELDS), formId }),
  'elevation.close': z.object({
    ...envelopeShape(CLOSE_FIELDS),
    formId,
    requestId: z.string().trim().min(1).max(64),
    /** Lets the bot find the request again after closing it (the API has no get by id). */
    deviceName: z.string().trim().max(64).optional(),
  }),
} as const;
