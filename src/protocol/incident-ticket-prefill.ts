/**
 * "Open MMD ticket" from an incident: the ticket form starts as an Incident with the incident's
 * title, a description carrying its link, and the severity mapped (high→2, medium→3, low→4;
 * other severities leave the choice to the user).
 */
import type { NewTicketInput } from './ticket-rules';
import type { Incident } from '../graph/incident';
import { valueLabel } from './labels';

const SEVERITY_TO_TICKET = new Map<string, string>([
  ['high', '2'],
  ['medium', '3'],
  ['low', '4'],
]);

/** Limits of the ticket form's title and description (ticket-rules.ts). */
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 3000;

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function ticketPrefillFromIncident(incident: Incident): Partial<NewTicketInput> {
  const name = incident.displayName?.trim() || `Security incident ${incident.id}`;
  const title = `Security incident: ${name}`;
  const lines = [
    `Security incident ${incident.id}: ${name}`,
    incident.incidentWebUrl?.trim() ? `Link: ${incident.incidentWebUrl.trim()}` : '',
    incident.severity ? `Severity: ${valueLabel(incident.severity)}` : '',
    incident.status ? `Status: ${valueLabel(incident.status)}` : '',
  ].filter(Boolean);
  const prefill: Partial<NewTicketInput> = {
    type: 'Incident',
    title: cut(title, TITLE_MAX),
    description: cut(lines.join('\n'), DESCRIPTION_MAX),
  };
  const severity = SEVERITY_TO_TICKET.get(incident.severity?.trim().toLowerCase() ?? '');
  if (severity) prefill.severity = severity;
  return prefill;
}
