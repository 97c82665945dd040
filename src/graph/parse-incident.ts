/** Incidents at the boundary: nulls, missing fields, unknown enum values and v1.0 names tolerated. */
import { z } from 'zod';
import { id, listOf, strings, text } from '../http/parse-common';
import type { Incident, IncidentComment } from './incident';
import { parseGraphEntity, parseGraphPage, type GraphPage } from './parse-graph';
import type { ParseContext } from '../http/parse-common';

const commentSchema: z.ZodType<IncidentComment> = z.object({
  comment: text,
  createdByDisplayName: text,
  createdDateTime: text,
});

const rawIncident = z.object({
  id,
  displayName: text,
  incidentWebUrl: text,
  redirectIncidentId: text,
  createdDateTime: text,
  lastUpdateDateTime: text,
  assignedTo: text,
  classification: text,
  determination: text,
  status: text,
  severity: text,
  tags: strings,
  customTags: strings,
  comments: listOf(commentSchema),
});

export const incidentSchema: z.ZodType<Incident> = rawIncident.transform(({ tags, customTags, ...rest }) => ({
  ...rest,
  tags: [...new Set([...tags, ...customTags])],
}));

export function parseIncident(body: unknown, context: ParseContext): Incident {
  return parseGraphEntity(incidentSchema, body, context);
}

export function parseIncidentPage(body: unknown, context: ParseContext): GraphPage<Incident> {
  return parseGraphPage(incidentSchema, body, context);
}
