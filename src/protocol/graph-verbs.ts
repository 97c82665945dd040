/**
 * The card verbs of the Graph features (security incidents, enrollment troubleshooting events),
 * with the schemas of their data, spread into the one verb table (src/protocol/verbs.ts). Card data is untrusted: a handler sees it only after these
 * schemas accepted it. Submits check the envelope only (formId, types, sizes, choice values);
 * the fields themselves are checked by incident-rules.ts / troubleshooting-rules.ts.
 */
import { z } from 'zod';
import { envelopeShape } from './field-rules';
import { INCIDENT_CHANGES, INCIDENT_UPDATE_FIELDS, NEW_INCIDENT_FIELDS } from './incident-rules';
import { ENROLLMENT_FAILURE_FIELDS } from './troubleshooting-rules';
import { backView, enrollmentFailuresPage, eventId, formOrigin, incidentId, incidentsPage } from './views';

/** The card a form was opened from (its Cancel goes back there), kept through every answer. */
const from = formOrigin.optional();

const text = (max: number) => z.string().trim().max(max);
const formId = z.uuid();

export const GRAPH_VERBS = {
  /** A page of incidents with the filters that made it (statuses / severities as Graph spells them). */
  'incidents.page': incidentsPage,
  /** Apply on the incident list: comma-separated values of the two Input.ChoiceSets. */
  'incidents.filter': z.object({ status: text(100).optional(), severity: text(100).optional() }),
  'incident.open': z.object({ id: incidentId, back: backView.optional() }),
  'incident.newForm': z.object({ from }),
  'incident.create': z.object({ ...envelopeShape(NEW_INCIDENT_FIELDS), formId, from }),
  /** One of the small forms of the detail card; `change` says which fields to read. */
  'incident.update': z.object({
    ...envelopeShape(INCIDENT_UPDATE_FIELDS),
    formId,
    id: incidentId,
    change: z.enum(INCIDENT_CHANGES),
    back: backView.optional(),
  }),
  /** "Open MMD ticket": the handler reads the incident again and prefills the ticket form. */
  'incident.ticketForm': z.object({ id: incidentId }),
  /** A page of enrollment failures, optionally for one MMD device (by name) or one user (UPN or id). */
  'enrollmentFailures.page': enrollmentFailuresPage,
  'enrollmentFailure.open': z.object({ id: eventId, back: backView.optional() }),
  /** The report form, prefilled from the MMD device when one is named. */
  'enrollmentFailure.reportForm': z.object({ deviceName: text(64).optional(), from }),
  'enrollmentFailure.report': z.object({ ...envelopeShape(ENROLLMENT_FAILURE_FIELDS), formId, from }),
} as const;
