/**
 * Intune enrollment troubleshooting events (document 004, beta): report one, list recent ones
 * newest first for the tenant, a device (Intune or Entra id) or a user, get one.
 */
import type { CallOptions } from '../../http/request';
import { segment } from '../../http/url';
import { allOf, eq, or, type Filter } from '../../http/odata';
import type { LinkedQuery, Page, PageQuery } from '../../http/paging';
import { GRAPH_PROFILE } from '../graph-api-error';
import { parseTroubleshootingEvent, troubleshootingEventSchema } from '../parse-troubleshooting-event';
import type { TroubleshootingEvent } from '../troubleshooting-event';
import { troubleshootingEventCreateBody, type EnrollmentFailureInput } from '../troubleshooting-event-body';
import { graphListPage, orNull, type GraphResourceContext } from './graph-resource';

export interface TroubleshootingEventQuery extends PageQuery {
  /** A device by either id: events matching the Intune id or the Entra device id. */
  managedDeviceIdentifier?: string;
  deviceId?: string;
  userId?: string;
}

export interface TroubleshootingEventsResource {
  list(query?: LinkedQuery<TroubleshootingEventQuery>, options?: CallOptions): Promise<Page<TroubleshootingEvent>>;
  get(id: string, options?: CallOptions): Promise<TroubleshootingEvent | null>;
  create(input: EnrollmentFailureInput, options?: CallOptions): Promise<TroubleshootingEvent>;
}

const PATH = 'deviceManagement/troubleshootingEvents';
type EventField = 'managedDeviceIdentifier' | 'deviceId' | 'userId';

export function troubleshootingEventFilter(query: TroubleshootingEventQuery): string | undefined {
  const device: Filter<EventField>[] = [];
  if (query.managedDeviceIdentifier?.trim()) device.push(eq<EventField>('managedDeviceIdentifier', query.managedDeviceIdentifier.trim()));
  if (query.deviceId?.trim()) device.push(eq<EventField>('deviceId', query.deviceId.trim()));
  return allOf<EventField>(
    device.length ? or(...device) : undefined,
    query.userId?.trim() ? eq<EventField>('userId', query.userId.trim()) : undefined,
  )?.toString();
}

export function troubleshootingEventsResource(context: GraphResourceContext): TroubleshootingEventsResource {
  return {
    list: (query = {}, options = {}) =>
      graphListPage(
        context.beta,
        PATH,
        troubleshootingEventSchema,
        query,
        { $filter: troubleshootingEventFilter(query), $orderby: 'eventDateTime desc' },
        options.signal,
        context.logger,
      ),
    get: (id, options = {}) =>
      orNull(async () => {
        const path = `${PATH}/${segment(id, GRAPH_PROFILE)}`;
        const response = await context.beta({ method: 'GET', path, signal: options.signal });
        return parseTroubleshootingEvent(response.body, { method: 'GET', path });
      }),
    create: async (input, options = {}) => {
      const response = await context.beta({
        method: 'POST',
        path: PATH,
        body: troubleshootingEventCreateBody(input),
        unknownOutcome: 'the enrollment failure may or may not have been recorded',
        signal: options.signal,
      });
      return parseTroubleshootingEvent(response.body, { method: 'POST', path: PATH });
    },
  };
}
