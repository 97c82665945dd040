import { z } from 'zod';

/**
 * The views a card can return to: the lists a detail was opened from (Back), and the card a
 * form was opened from (its Cancel). Each is a read-only verb with its own schema; verbs.ts and
 * graph-verbs.ts use the same schemas for the verbs themselves.
 */
const text = (max: number) => z.string().trim().max(max);
const word = text(32).regex(/^[A-Za-z]*$/);
const skip = z.coerce.number().int().min(0).max(100_000).default(0);
const deviceName = text(64).min(1);
const ticketId = text(64).min(1);

export const devicesPage = z.object({ search: text(200).optional(), skip });
export const usersPage = z.object({ search: text(200).optional(), skip });
export const ticketsPage = z.object({
  states: z.array(text(32)).max(8).default([]),
  severities: z.array(z.coerce.number().int().min(1).max(4)).max(4).default([]),
  text: text(200).optional(),
  skip,
});
export const elevationsPage = z.object({ deviceName: text(64).optional(), state: z.enum(['open', 'closed']).optional(), skip });
export const ticketsFilter = z.object({
  state: text(100).optional(),
  severity: text(20).optional(),
  text: text(200).optional(),
});

export const incidentsPage = z.object({
  statuses: z.array(word).max(4).default([]),
  severities: z.array(word).max(6).default([]),
  skip,
});
export const enrollmentFailuresPage = z.object({ deviceName: text(64).optional(), user: text(256).optional(), skip });

/**
 * The list a detail was opened from, carried in the open button's data so the detail card can
 * offer Back (the card replaces the list in place). Only list verbs, each with its own schema.
 */
export const backView = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('devices.page'), data: devicesPage }),
  z.object({ verb: z.literal('users.page'), data: usersPage }),
  z.object({ verb: z.literal('tickets.page'), data: ticketsPage }),
  z.object({ verb: z.literal('elevations.page'), data: elevationsPage }),
  z.object({ verb: z.literal('tickets.filter'), data: ticketsFilter }),
  z.object({ verb: z.literal('incidents.page'), data: incidentsPage }),
  z.object({ verb: z.literal('enrollmentFailures.page'), data: enrollmentFailuresPage }),
]);
export type BackView = z.output<typeof backView>;

/** Incident ids are numbers in v1.0 and GUIDs in the beta example. */
export const incidentId = text(64)
  .min(1)
  .regex(/^[A-Za-z0-9-]+$/);
export const eventId = text(64)
  .min(1)
  .regex(/^[A-Za-z0-9-]+$/);

/**
 * The card a form was opened from, carried in the form's buttons: Cancel runs its verb with its
 * data (nothing typed goes with it), so the user is back where they were. A list, a device
 * (with that device card's own Back), a ticket or a security incident.
 */
export const formOrigin = z.discriminatedUnion('verb', [
  ...backView.options,
  z.object({ verb: z.literal('device.open'), data: z.object({ name: deviceName, back: backView.optional() }) }),
  z.object({ verb: z.literal('ticket.open'), data: z.object({ id: ticketId, back: backView.optional() }) }),
  z.object({ verb: z.literal('incident.open'), data: z.object({ id: incidentId, back: backView.optional() }) }),
  z.object({ verb: z.literal('enrollmentFailure.open'), data: z.object({ id: eventId, back: backView.optional() }) }),
  z.object({
    verb: z.literal('elevation.open'),
    data: z.object({ id: text(64).min(1), deviceName: text(64).optional(), back: backView.optional() }),
  }),
]);
export type FormOrigin = z.output<typeof formOrigin>;
