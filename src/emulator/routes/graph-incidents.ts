/**
 * Microsoft Graph security incidents: `GET /graph/{v1.0|beta}/security/incidents` (OData $filter,
 * $orderby, $top/$skip, nextLink), get and `PATCH` by id, and `POST` on beta only: document 003
 * documents create in beta, so v1.0 answers 405 as Graph does for a method a segment lacks.
 */
import { z } from 'zod';
import { GraphError, graphNotFound } from '../graph/errors';
import { graphCollection, graphContext } from '../graph/collection';
import {
  INCIDENT_CLASSIFICATIONS,
  INCIDENT_DETERMINATIONS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentRecord,
} from '../graph/records';
import { graphValidate } from '../graph/validation';
import { ok, type ApiRequest, type RouteContext, type RouteHandler } from '../http';
import type { FieldTypes } from '../odata-filter';
import { filterAndOrder, readListQuery } from '../odata-query';

const INCIDENT_FIELDS: FieldTypes = {
  id: 'string',
  incidentWebUrl: 'string',
  redirectIncidentId: 'string',
  displayName: 'string',
  createdDateTime: 'datetime',
  lastUpdateDateTime: 'datetime',
  assignedTo: 'string',
  classification: 'string',
  determination: 'string',
  status: 'string',
  severity: 'string',
  'comments/comment': 'string',
};

const ENTITY = 'microsoft.graph.incident';
const optionalText = z.string().max(4000).nullable().optional();
const comment = z.looseObject({
  '@odata.type': z.string().optional(),
  comment: z.string().max(4000).nullable().optional(),
  createdByDisplayName: z.string().max(256).nullable().optional(),
  createdDateTime: z.string().nullable().optional(),
});
const tags = z.array(z.string().max(256)).max(50);

const createSchema = z.strictObject({
  '@odata.type': z.string().optional(),
  // Server-owned: accepted (the document's example sends lastUpdateDateTime) and ignored.
  id: z.unknown().optional(),
  createdDateTime: z.unknown().optional(),
  lastUpdateDateTime: z.unknown().optional(),
  displayName: z.string().trim().min(1, 'must not be empty').max(256),
  incidentWebUrl: optionalText,
  redirectIncidentId: optionalText,
  assignedTo: optionalText,
  classification: z.enum(INCIDENT_CLASSIFICATIONS).optional(),
  determination: z.enum(INCIDENT_DETERMINATIONS).optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  severity: z.enum(INCIDENT_SEVERITIES).optional(),
  tags: tags.optional(),
  comments: z.array(comment).max(50).optional(),
});

const updateSchema = z
  .strictObject({
    '@odata.type': z.string().optional(),
    assignedTo: optionalText,
    classification: z.enum(INCIDENT_CLASSIFICATIONS).optional(),
    determination: z.enum(INCIDENT_DETERMINATIONS).optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    severity: z.enum(INCIDENT_SEVERITIES).optional(),
    displayName: z.string().trim().min(1, 'must not be empty').max(256).optional(),
    tags: tags.optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== '@odata.type'), { message: 'Nothing to update' });

function entity(req: ApiRequest, ctx: RouteContext, incident: IncidentRecord): Record<string, unknown> {
  return { '@odata.context': graphContext(req, ctx, 'security/incidents/$entity'), ...incident };
}

function findIncident(req: ApiRequest, ctx: RouteContext): IncidentRecord {
  const id = req.params.id ?? '';
  const incident = ctx.store.graph.getIncident(id);
  if (!incident) throw graphNotFound(`Incident with id '${id}' was not found.`);
  return incident;
}

export const listIncidents: RouteHandler = (req, ctx) => {
  const query = readListQuery(req.query);
  const items = filterAndOrder(ctx.store.graph.incidents(), query, INCIDENT_FIELDS, ENTITY);
  return graphCollection(req, ctx, 'security/incidents', items, query);
};

export const getIncident: RouteHandler = (req, ctx) => ok(entity(req, ctx, findIncident(req, ctx)));

export const createIncident: RouteHandler = (req, ctx) => {
  const body = graphValidate(createSchema, req.body, ENTITY);
  const created = ctx.store.graph.createIncident({
    displayName: body.displayName,
    incidentWebUrl: body.incidentWebUrl ?? null,
    redirectIncidentId: body.redirectIncidentId ?? null,
    assignedTo: body.assignedTo ?? null,
    classification: body.classification ?? 'unknown',
    determination: body.determination ?? 'unknown',
    status: body.status ?? 'active',
    severity: body.severity ?? 'unknown',
    tags: body.tags ?? [],
    comments: body.comments ?? [],
  });
  return ok(entity(req, ctx, created), 201);
};

export const createIncidentV1: RouteHandler = () => {
  throw new GraphError(405, 'MethodNotAllowed', 'Creating incidents is available in the beta endpoint only.');
};

export const updateIncident: RouteHandler = (req, ctx) => {
  const incident = findIncident(req, ctx);
  const { '@odata.type': _type, ...changes } = graphValidate(updateSchema, req.body, ENTITY);
  const clean = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return ok(entity(req, ctx, ctx.store.graph.updateIncident(incident, clean)));
};
