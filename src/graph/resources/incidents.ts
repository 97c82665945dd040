/**
 * Security incidents: list, get and update on v1.0; create on beta, the only version document 003
 * documents it in. A tenant may refuse create (400/403/405): that arrives as a GraphApiError with
 * Graph's code and message, for the handler to show as the service said it.
 */
import type { CallOptions } from '../../http/request';
import { segment } from '../../http/url';
import { allOf, contains, eq, or } from '../../http/odata';
import type { LinkedQuery, Page, PageQuery } from '../../http/paging';
import { GRAPH_PROFILE } from '../graph-api-error';
import type { Incident } from '../incident';
import { incidentCreateBody, incidentUpdateBody, type IncidentChanges, type NewIncidentInput } from '../incident-body';
import { incidentSchema, parseIncident } from '../parse-incident';
import { graphListPage, orNull, type GraphResourceContext } from './graph-resource';

export interface IncidentListQuery extends PageQuery {
  /** Or-ed; Graph's spelling (active, resolved, redirected). */
  statuses?: string[];
  /** Or-ed; Graph's spelling (high, medium, low, informational, unknown). */
  severities?: string[];
  /** contains(displayName, ...): the message extension's search. */
  displayNameContains?: string;
  /** Newest first unless asked otherwise. */
  orderBy?: { field: 'createdDateTime' | 'lastUpdateDateTime'; direction: 'asc' | 'desc' };
}

export interface IncidentsResource {
  list(query?: LinkedQuery<IncidentListQuery>, options?: CallOptions): Promise<Page<Incident>>;
  /** null when Graph answers 404. */
  get(id: string, options?: CallOptions): Promise<Incident | null>;
  create(input: NewIncidentInput, options?: CallOptions): Promise<Incident>;
  update(id: string, changes: IncidentChanges, options?: CallOptions): Promise<Incident>;
}

const PATH = 'security/incidents';

/** The $filter of a list query; every value an escaped OData literal. */
export function incidentFilter(query: IncidentListQuery): string | undefined {
  return allOf<'status' | 'severity' | 'displayName'>(
    query.statuses?.length ? or(...query.statuses.map((s) => eq<'status'>('status', s))) : undefined,
    query.severities?.length ? or(...query.severities.map((s) => eq<'severity'>('severity', s))) : undefined,
    query.displayNameContains ? contains<'displayName'>('displayName', query.displayNameContains) : undefined,
  )?.toString();
}

export function incidentsResource(context: GraphResourceContext): IncidentsResource {
  const entityPath = (id: string, method: string) => `${PATH}/${segment(id, GRAPH_PROFILE, method)}`;
  return {
    list: (query = {}, options = {}) => {
      const order = query.orderBy ?? { field: 'createdDateTime', direction: 'desc' };
      return graphListPage(
        context.v1,
        PATH,
        incidentSchema,
        query,
        { $filter: incidentFilter(query), $orderby: `${order.field} ${order.direction}` },
        options.signal,
        context.logger,
      );
    },
    get: (id, options = {}) =>
      orNull(async () => {
        const path = entityPath(id, 'GET');
        const response = await context.v1({ method: 'GET', path, signal: options.signal });
        return parseIncident(response.body, { method: 'GET', path });
      }),
    create: async (input, options = {}) => {
      const response = await context.beta({
        method: 'POST',
        path: PATH,
        body: incidentCreateBody(input),
        unknownOutcome: 'the incident may or may not have been created',
        signal: options.signal,
      });
      return parseIncident(response.body, { method: 'POST', path: PATH });
    },
    update: async (id, changes, options = {}) => {
      const path = entityPath(id, 'PATCH');
      // Setting the same values twice changes nothing: safe to repeat after an ambiguous failure.
      const response = await context.v1({
        method: 'PATCH',
        path,
        body: incidentUpdateBody(changes),
        idempotent: true,
        signal: options.signal,
      });
      return parseIncident(response.body, { method: 'PATCH', path });
    },
  };
}
