/**
 * Domain types of Graph security incidents (document 003, `microsoft.graph.incident`) as the bot
 * sees them after parsing. Enum fields are strings kept as sent: see graph-enums.ts for labels.
 */

/** m365AlertComment: the document shows only its type; these are the fields Graph fills. */
export interface IncidentComment {
  comment: string | null;
  createdByDisplayName: string | null;
  createdDateTime: string | null;
}

export interface Incident {
  id: string;
  displayName: string | null;
  incidentWebUrl: string | null;
  redirectIncidentId: string | null;
  createdDateTime: string | null;
  lastUpdateDateTime: string | null;
  assignedTo: string | null;
  classification: string | null;
  determination: string | null;
  status: string | null;
  severity: string | null;
  /** `tags` in the beta document, `customTags` in v1.0: both read. */
  tags: string[];
  comments: IncidentComment[];
}
