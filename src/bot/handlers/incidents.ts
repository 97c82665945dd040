/** Security incidents (Microsoft Graph): the list with its filters, and one incident. */
import { newFormId } from '../../state/form-id';
import { incidentDetailCard } from '../../cards/incident-detail-card';
import { incidentListCard, type IncidentFilters } from '../../cards/incident-list-card';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '../../graph/graph-enums';
import type { BackView } from '../../protocol/views';
import type { BotDeps } from '../deps';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import { fetchPage } from './paging';
import { canChange } from './can-change';

/** Only values Graph knows go into the $filter (each an escaped literal there anyway). */
function known(values: readonly string[], allowed: readonly string[]): string[] {
  return allowed.filter((value) => values.some((v) => v.trim().toLowerCase() === value.toLowerCase()));
}

export async function listIncidents(
  turn: Turn,
  query: { statuses: string[]; severities: string[]; skip?: number },
  deps: BotDeps,
): Promise<Reply> {
  const filters: IncidentFilters = {
    statuses: known(query.statuses, INCIDENT_STATUSES),
    severities: known(query.severities, INCIDENT_SEVERITIES),
  };
  const page = await fetchPage((q) => deps.graph.incidents.list(q, { signal: turn.signal }), { ...filters, skip: query.skip ?? 0 });
  return card(incidentListCard({ page, filters, now: nowFor(turn, deps) }));
}

/** The list's Apply: the two choice sets send comma-separated values. */
export function incidentFiltersFromChoices(choice: { status?: string; severity?: string }): { statuses: string[]; severities: string[] } {
  const split = (v?: string) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return { statuses: known(split(choice.status), INCIDENT_STATUSES), severities: known(split(choice.severity), INCIDENT_SEVERITIES) };
}

export function incidentNotFound(id: string): Reply {
  return say('I could not find security incident ', { value: id }, '. Type ', { command: 'incidents' }, ' to see recent incidents.');
}

export async function showIncident(turn: Turn, query: { id: string; back?: BackView }, deps: BotDeps): Promise<Reply> {
  const incident = await deps.graph.incidents.get(query.id, { signal: turn.signal });
  if (!incident) return incidentNotFound(query.id);
  return card(
    incidentDetailCard({
      incident,
      formId: newFormId(deps.now()),
      now: nowFor(turn, deps),
      back: query.back,
      canChange: await canChange(turn, deps),
    }),
  );
}
