/** Enrollment troubleshooting events at the boundary, with the MMD client's tolerance. */
import { z } from 'zod';
import { id, listOf, text } from '../http/parse-common';
import { parseGraphEntity, parseGraphPage, type GraphPage } from './parse-graph';
import type { ParseContext } from '../http/parse-common';
import type { KeyValuePair, TroubleshootingErrorDetails, TroubleshootingEvent, TroubleshootingResource } from './troubleshooting-event';

const resourceSchema: z.ZodType<TroubleshootingResource> = z.object({ text, link: text });

const detailsSchema: z.ZodType<TroubleshootingErrorDetails> = z.object({
  context: text,
  failure: text,
  failureDetails: text,
  remediation: text,
  resources: listOf(resourceSchema),
});

/** A pair needs a name to be worth showing; one without is dropped. */
const pairSchema: z.ZodType<KeyValuePair> = z.object({
  name: z.string().refine((value) => value.trim() !== ''),
  value: text,
});

export const troubleshootingEventSchema: z.ZodType<TroubleshootingEvent> = z.object({
  id,
  eventDateTime: text,
  correlationId: text,
  eventName: text,
  troubleshootingErrorDetails: detailsSchema.nullable().catch(null),
  additionalInformation: listOf(pairSchema),
  managedDeviceIdentifier: text,
  operatingSystem: text,
  osVersion: text,
  userId: text,
  deviceId: text,
  enrollmentType: text,
  failureCategory: text,
  failureReason: text,
});

export function parseTroubleshootingEvent(body: unknown, context: ParseContext): TroubleshootingEvent {
  return parseGraphEntity(troubleshootingEventSchema, body, context);
}

export function parseTroubleshootingEventPage(body: unknown, context: ParseContext): GraphPage<TroubleshootingEvent> {
  return parseGraphPage(troubleshootingEventSchema, body, context);
}
