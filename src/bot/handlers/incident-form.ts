/**
 * The incident forms: create (Graph beta; a tenant may refuse it), the detail card's small
 * status / assignment / classification forms (in place), and "Open MMD ticket". Each submit is
 * checked here again (the card checked it first) and sent at most once per formId.
 */
import { newFormId } from '../../state/form-id';
import { plain } from '../../cards/escape';
import { incidentDetailCard } from '../../cards/incident-detail-card';
import { newIncidentForm } from '../../cards/incident-form-card';
import { newTicketForm } from '../../cards/ticket-form-card';
import { incidentSchema } from '../../graph/parse-incident';
import type { IncidentChanges } from '../../graph/incident-body';
import { formText, type FieldErrors } from '../../protocol/field-rules';
import type { FormNotice } from '../../protocol/form-notice';
import type { FormOrigin } from '../../protocol/views';
import { checkIncidentUpdate, checkNewIncident, INCIDENT_UPDATE_FIELDS, NEW_INCIDENT_FIELDS } from '../../protocol/incident-rules';
import { ticketPrefillFromIncident } from '../../protocol/incident-ticket-prefill';
import type { VerbData } from '../../protocol/verbs';
import type { BotDeps } from '../deps';
import { recordChange } from '../audit-trail';
import { contactFromProfile } from '../forms/contact-prefill';
import { nextFormId } from '../forms/next-form-id';
import { submitOnce } from '../forms/submit-form';
import { card, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import { graphWording } from './graph-wording';
import { valueLabel } from '../../protocol/labels';
import { incidentNotFound } from './incidents';

export async function openIncidentForm(_turn: Turn, query: { from?: FormOrigin }, deps: BotDeps): Promise<Reply> {
  return card(newIncidentForm({ prefill: {}, formId: newFormId(deps.now()), from: query.from, now: deps.now() }));
}

export async function createIncident(turn: Turn, data: VerbData<'incident.create'>, deps: BotDeps): Promise<Reply> {
  const now = deps.now();
  const raw: Record<string, unknown> = data;
  const form = async (errors: FieldErrors, notice?: FormNotice) =>
    card(newIncidentForm({ prefill: formText(NEW_INCIDENT_FIELDS, raw), formId: data.formId, from: data.from, errors, notice, now }));
  const check = checkNewIncident(raw, now);
  if (!check.ok) return form(check.errors);
  return submitOnce({
    turn,
    deps,
    formId: data.formId,
    verb: 'incident.create',
    subject: graphWording('incident'),
    result: incidentSchema,
    work: async () => {
      const incident = await deps.graph.incidents.create(check.incident, { signal: turn.signal });
      await recordChange(turn, deps, {
        action: 'incident.create',
        target: { kind: 'incident', id: incident.id },
        detail: incident.displayName ?? undefined,
      });
      return incident;
    },
    done: async (incident) =>
      card(
        incidentDetailCard({ incident, formId: nextFormId(data.formId), now: nowFor(turn, deps) }),
        `Incident ${plain(incident.id)} was created.`,
      ),
    form,
  });
}

/** One small form of the detail card; the card comes back in place, refreshed or with the form's messages. */
export async function updateIncident(turn: Turn, data: VerbData<'incident.update'>, deps: BotDeps): Promise<Reply> {
  const now = deps.now();
  const raw: Record<string, unknown> = data;
  const input = formText(INCIDENT_UPDATE_FIELDS, raw);
  const form = async (errors: FieldErrors, notice?: FormNotice) => {
    const incident = await deps.graph.incidents.get(data.id, { signal: turn.signal });
    if (!incident) return incidentNotFound(data.id);
    return card(
      incidentDetailCard({
        incident,
        formId: data.formId,
        now: nowFor(turn, deps),
        errors,
        notice,
        openForm: data.change,
        input,
        back: data.back,
      }),
    );
  };
  const check = checkIncidentUpdate(data.change, raw, now);
  if (!check.ok) return form(check.errors);
  return submitOnce({
    turn,
    deps,
    formId: data.formId,
    verb: 'incident.update',
    subject: graphWording('incidentUpdate'),
    result: incidentSchema,
    work: async () => {
      const incident = await deps.graph.incidents.update(data.id, check.changes, { signal: turn.signal });
      await recordChange(turn, deps, {
        action: 'incident.update',
        target: { kind: 'incident', id: data.id },
        detail: describeChanges(check.changes),
      });
      return incident;
    },
    // A new formId: the next change on this card is a new submit.
    done: async (incident) =>
      card(
        incidentDetailCard({ incident, formId: nextFormId(data.formId), now: nowFor(turn, deps), back: data.back }),
        `Incident ${plain(incident.id)} was updated.`,
      ),
    form,
  });
}

const FIELD_LABELS: Record<string, string> = {
  status: 'status',
  assignedTo: 'assigned to',
  classification: 'classification',
  determination: 'determination',
};

/** What an update changed, for the audit, in the words the cards use: "classification False positive, determination Clean". */
function describeChanges(changes: IncidentChanges): string {
  return Object.entries(changes)
    .map(
      ([field, value]) =>
        `${FIELD_LABELS[field] ?? field} ${value === null ? '(none)' : field === 'assignedTo' ? String(value) : valueLabel(String(value))}`,
    )
    .join(', ');
}

/** "Open MMD ticket": the ticket form, prefilled from the incident as it is now. */
export async function openTicketFromIncident(turn: Turn, query: { id: string }, deps: BotDeps): Promise<Reply> {
  const incident = await deps.graph.incidents.get(query.id, { signal: turn.signal });
  if (!incident) return incidentNotFound(query.id);
  const contact = await contactFromProfile(turn);
  const from = { verb: 'incident.open' as const, data: { id: query.id } };
  return card(
    newTicketForm({ prefill: ticketPrefillFromIncident(incident), contact, formId: newFormId(deps.now()), from, now: deps.now() }),
  );
}
