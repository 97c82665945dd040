/**
 * Request bodies for creating (beta POST) and updating (PATCH) an incident, from form values the
 * protocol rules already checked. Empty optional fields are left out rather than sent as "".
 */
import type { IncidentClassification, IncidentDetermination, IncidentSeverity, IncidentStatus } from './graph-enums';

export interface NewIncidentInput {
  displayName: string;
  assignedTo?: string;
  classification?: IncidentClassification;
  determination?: IncidentDetermination;
  status?: IncidentStatus;
  severity?: IncidentSeverity;
  tags?: string[];
  /** One first comment (m365AlertComment). */
  comment?: string;
  incidentWebUrl?: string;
  redirectIncidentId?: string;
}

export interface IncidentCreateBody {
  '@odata.type': '#microsoft.graph.incident';
  displayName: string;
  assignedTo?: string;
  classification?: IncidentClassification;
  determination?: IncidentDetermination;
  status?: IncidentStatus;
  severity?: IncidentSeverity;
  tags?: string[];
  comments?: { '@odata.type': 'microsoft.graph.m365AlertComment'; comment: string }[];
  incidentWebUrl?: string;
  redirectIncidentId?: string;
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function incidentCreateBody(input: NewIncidentInput): IncidentCreateBody {
  const body: IncidentCreateBody = { '@odata.type': '#microsoft.graph.incident', displayName: input.displayName.trim() };
  const assignedTo = present(input.assignedTo);
  if (assignedTo) body.assignedTo = assignedTo;
  if (input.classification) body.classification = input.classification;
  if (input.determination) body.determination = input.determination;
  if (input.status) body.status = input.status;
  if (input.severity) body.severity = input.severity;
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))];
  if (tags.length > 0) body.tags = tags;
  const comment = present(input.comment);
  if (comment) body.comments = [{ '@odata.type': 'microsoft.graph.m365AlertComment', comment }];
  const url = present(input.incidentWebUrl);
  if (url) body.incidentWebUrl = url;
  const redirect = present(input.redirectIncidentId);
  if (redirect) body.redirectIncidentId = redirect;
  return body;
}

/** What the incident detail card's small forms change; `assignedTo: null` unassigns. */
export interface IncidentChanges {
  status?: IncidentStatus;
  assignedTo?: string | null;
  classification?: IncidentClassification;
  determination?: IncidentDetermination;
}

/** Only the keys given; a blank assignee becomes null (unassign), as Graph expects. */
export function incidentUpdateBody(changes: IncidentChanges): IncidentChanges {
  const body: IncidentChanges = {};
  if (changes.status) body.status = changes.status;
  if (changes.assignedTo !== undefined) body.assignedTo = present(changes.assignedTo ?? undefined) ?? null;
  if (changes.classification) body.classification = changes.classification;
  if (changes.determination) body.determination = changes.determination;
  return body;
}
