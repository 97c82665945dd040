import { z } from 'zod';
import { CLOSE_FIELDS, ELEVATION_FIELDS } from './elevation-rules';
import { envelopeShape } from './field-rules';
import { NOTE_FIELDS } from './note-rules';
import { NEW_TICKET_FIELDS } from './ticket-rules';
import { backView, formOrigin } from './views';

/**
 * The submit verbs of the forms, registered in src/bot/verbs.ts. Each checks only the envelope
 * (a UUID formId, types, sizes, choice values): what a genuine card can send. Whether the fields
 * are filled in correctly is the form's own check (the *-rules.ts files), answered with the form.
 */
const formId = z.uuid();
const ticketId = z.string().trim().min(1).max(64);

/** The card the form was opened from, kept through every answer so Cancel goes back to it. */
const from = formOrigin.optional();
const ticketForm = z.object({ ...envelopeShape(NEW_TICKET_FIELDS), formId, from });
const elevationForm = z.object({ ...envelopeShape(ELEVATION_FIELDS), formId, from });

export const FORM_VERBS = {
  'ticket.create': ticketForm,
  /** "Choose subcategory": the same form again, its subcategories those of the chosen category. */
  'ticket.chooseCategory': ticketForm,
  'ticket.addNote': z.object({ ...envelopeShape(NOTE_FIELDS), formId, ticketId, back: backView.optional() }),
  'elevation.create': elevationForm,
  'elevation.chooseCategory': elevationForm,
  'elevation.close': z.object({
    ...envelopeShape(CLOSE_FIELDS),
    formId,
    from,
    requestId: z.string().trim().min(1).max(64),
    /** Lets the bot find the request again after closing it (the API has no get by id). */
    deviceName: z.string().trim().max(64).optional(),
  }),
} as const;
