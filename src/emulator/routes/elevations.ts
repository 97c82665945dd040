/** tenants/{tenantId}/elevationRequests (create, list, get, close) */
import { z } from 'zod';
import { collection } from '../collection';
import { notFound } from '../errors';
import { noContent, ok, serviceRoot, type RouteHandler } from '../http';
import type { FieldTypes } from '../odata-filter';
import { filterAndOrder, readListQuery } from '../odata-query';
import { ELEVATION_NOT_FOUND } from '../store';
import { camelKeys, validate } from '../validation';

const ELEVATION_FIELDS: FieldTypes = {
  id: 'string',
  tenantId: 'string',
  partnerId: 'string',
  requestingAgentUpn: 'string',
  partnerTicketId: 'string',
  deviceName: 'string',
  title: 'string',
  category: 'string',
  subcategory: 'string',
  planOfAction: 'string',
  actionsTaken: 'string',
  closingAgentUpn: 'string',
  requestCreationTime: 'datetime',
  requestClosureTime: 'datetime',
  requestRenewTime: 'datetime',
  isSuccessfulRequest: 'boolean',
  passwordLastUpdatedTime: 'datetime',
  isDeleted: 'boolean',
  ttl: 'number',
};

const text = z.string().trim().min(1, 'must not be empty');

const newElevationSchema = z.object({
  partnerTicketId: z.string(),
  deviceName: text,
  title: text,
  category: text,
  subcategory: z.string(),
  planOfAction: text,
});

const closeSchema = z.object({ actionsTaken: z.string() });

export const createElevation: RouteHandler = (req, ctx) => {
  const input = validate(newElevationSchema, camelKeys(req.body), 'elevation request');
  const record = ctx.store.createElevation(input, req.caller);
  return ok({ '@odata.context': `${serviceRoot(ctx)}$metadata#ElevationRequests/$entity`, ...record }, 201);
};

export const listElevations: RouteHandler = (req, ctx) => {
  const query = readListQuery(req.query);
  const items = filterAndOrder(ctx.store.elevations(), query, ELEVATION_FIELDS, 'ElevationRequest');
  return collection(req, ctx, 'ElevationRequests', items, query);
};

export const getElevation: RouteHandler = (req, ctx) => {
  const record = ctx.store.getElevation(req.params.id ?? '');
  if (!record) throw notFound(ELEVATION_NOT_FOUND);
  return ok({ '@odata.context': `${serviceRoot(ctx)}$metadata#ElevationRequests/$entity`, ...record });
};

export const closeElevation: RouteHandler = (req, ctx) => {
  // Check existence first: an unknown id is a 404 whatever the body.
  if (!ctx.store.getElevation(req.params.id ?? '')) throw notFound(ELEVATION_NOT_FOUND);
  const { actionsTaken } = validate(closeSchema, camelKeys(req.body), 'closure');
  ctx.store.closeElevation(req.params.id ?? '', actionsTaken, req.caller);
  return noContent;
};
