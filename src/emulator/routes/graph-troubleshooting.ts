/**
 * Intune enrollment troubleshooting events (document 004, beta):
 * `POST`/`GET /graph/beta/deviceManagement/troubleshootingEvents` (newest first, OData $filter on
 * the device and user identifiers among others, paging) and get by id.
 */
import { z } from 'zod';
import { graphNotFound } from '../graph/errors';
import { graphCollection, graphContext } from '../graph/collection';
import { ENROLLMENT_TYPES, FAILURE_CATEGORIES, type TroubleshootingEventRecord } from '../graph/records';
import { graphValidate } from '../graph/validation';
import { ok, type ApiRequest, type RouteContext, type RouteHandler } from '../http';
import type { FieldTypes } from '../odata-filter';
import { filterAndOrder, readListQuery } from '../odata-query';

const EVENT_FIELDS: FieldTypes = {
  id: 'string',
  eventDateTime: 'datetime',
  correlationId: 'string',
  eventName: 'string',
  managedDeviceIdentifier: 'string',
  operatingSystem: 'string',
  osVersion: 'string',
  userId: 'string',
  deviceId: 'string',
  enrollmentType: 'string',
  failureCategory: 'string',
  failureReason: 'string',
};

const ENTITY = 'microsoft.graph.enrollmentTroubleshootingEvent';
const text = (max: number) => z.string().max(max).nullable().optional();
const dateTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: 'Must be an ISO 8601 date and time' });

const createSchema = z.strictObject({
  '@odata.type': z.string().optional(),
  id: z.unknown().optional(),
  eventDateTime: dateTime.optional(),
  correlationId: text(256),
  troubleshootingErrorDetails: z
    .strictObject({
      '@odata.type': z.string().optional(),
      context: text(4000),
      failure: text(4000),
      failureDetails: text(4000),
      remediation: text(4000),
      resources: z
        .array(z.strictObject({ '@odata.type': z.string().optional(), text: text(1000), link: text(2000) }))
        .max(20)
        .optional(),
    })
    .nullable()
    .optional(),
  eventName: text(256),
  additionalInformation: z
    .array(z.strictObject({ '@odata.type': z.string().optional(), name: z.string().min(1).max(256), value: text(4000) }))
    .max(50)
    .optional(),
  managedDeviceIdentifier: text(256),
  operatingSystem: text(256),
  osVersion: text(256),
  userId: text(256),
  deviceId: text(256),
  enrollmentType: z.enum(ENROLLMENT_TYPES).optional(),
  failureCategory: z.enum(FAILURE_CATEGORIES).optional(),
  failureReason: text(4000),
});

function entity(req: ApiRequest, ctx: RouteContext, event: TroubleshootingEventRecord): Record<string, unknown> {
  return { '@odata.context': graphContext(req, ctx, 'deviceManagement/troubleshootingEvents/$entity'), ...event };
}

export const listEvents: RouteHandler = (req, ctx) => {
  const query = readListQuery(req.query);
  const items = filterAndOrder(ctx.store.graph.events(), query, EVENT_FIELDS, ENTITY);
  return graphCollection(req, ctx, 'deviceManagement/troubleshootingEvents', items, query);
};

export const getEvent: RouteHandler = (req, ctx) => {
  const id = req.params.id ?? '';
  const event = ctx.store.graph.getEvent(id);
  if (!event) throw graphNotFound(`enrollmentTroubleshootingEvent with id '${id}' was not found.`);
  return ok(entity(req, ctx, event));
};

export const createEvent: RouteHandler = (req, ctx) => {
  const body = graphValidate(createSchema, req.body, ENTITY);
  const details = body.troubleshootingErrorDetails;
  const created = ctx.store.graph.createEvent({
    eventDateTime: body.eventDateTime ?? new Date().toISOString(),
    correlationId: body.correlationId ?? null,
    troubleshootingErrorDetails: details
      ? {
          '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorDetails',
          context: details.context ?? null,
          failure: details.failure ?? null,
          failureDetails: details.failureDetails ?? null,
          remediation: details.remediation ?? null,
          resources: (details.resources ?? []).map((r) => ({
            '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorResource',
            text: r.text ?? null,
            link: r.link ?? null,
          })),
        }
      : null,
    eventName: body.eventName ?? null,
    additionalInformation: (body.additionalInformation ?? []).map((pair) => ({
      '@odata.type': 'microsoft.graph.keyValuePair',
      name: pair.name,
      value: pair.value ?? null,
    })),
    managedDeviceIdentifier: body.managedDeviceIdentifier ?? null,
    operatingSystem: body.operatingSystem ?? null,
    osVersion: body.osVersion ?? null,
    userId: body.userId ?? null,
    deviceId: body.deviceId ?? null,
    enrollmentType: body.enrollmentType ?? 'unknown',
    failureCategory: body.failureCategory ?? 'unknown',
    failureReason: body.failureReason ?? null,
  });
  return ok(entity(req, ctx, created), 201);
};
