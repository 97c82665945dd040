import type { ElevationListQuery, MmdClient } from '../mmd-client';
import { allOf, eq, ne, type Filter } from '../../http/odata';
import { type ElevationField } from '../odata';
import type { LinkedQuery } from '../../http/paging';
import { parseEntity } from '../parse-common';
import { elevationSchema } from '../parse-elevation';
import type { NewElevationRequest } from '../types';
import { segment } from '../url';
import { listPage, type ResourceContext } from './resource-context';

/** The $filter for an elevation query; "open" means not closed yet (requestClosureTime null). */
function elevationFilter(query: ElevationListQuery): Filter<ElevationField> | undefined {
  return allOf<ElevationField>(
    query.id ? eq('id', query.id) : undefined,
    query.deviceName ? eq('deviceName', query.deviceName) : undefined,
    query.open === undefined ? undefined : query.open ? eq('requestClosureTime', null) : ne('requestClosureTime', null),
    query.category ? eq('category', query.category) : undefined,
    query.requestingAgentUpn ? eq('requestingAgentUpn', query.requestingAgentUpn) : undefined,
  );
}

/** tenants/{tenantId}/elevationRequests: list ($filter, $top, $skip), create, close. */
export function elevationsResource(context: ResourceContext): MmdClient['elevations'] {
  const base = `${context.tenantPath}elevationRequests`;
  return {
    list: (query: LinkedQuery<ElevationListQuery> = {}, options = {}) =>
      listPage(context, base, elevationSchema, query, { $filter: elevationFilter(query)?.toString() }, options.signal),

    // camelCase per the property table (the example's PascalCase is the documents' drift).
    // Not idempotent: see retry-policy.ts.
    async create(request: NewElevationRequest, options = {}) {
      const response = await context.send({
        method: 'POST',
        path: base,
        body: {
          partnerTicketId: request.partnerTicketId,
          deviceName: request.deviceName,
          title: request.title,
          category: request.category,
          subcategory: request.subcategory,
          planOfAction: request.planOfAction,
        },
        idempotent: false,
        unknownOutcome: 'the elevation request may or may not have been created',
        signal: options.signal,
      });
      return parseEntity(elevationSchema, response.body, { method: 'POST', path: base });
    },

    // `ActionsTaken` as in the documented example. Closing twice answers 400 "already closed",
    // so a blind retry after a lost answer would turn a success into a confusing error: it is
    // retried only when the service provably did not process it (retry-policy.ts).
    async close(id, actionsTaken, options = {}) {
      await context.send({
        method: 'PATCH',
        path: `${base}/${segment(id, 'PATCH')}`,
        body: { ActionsTaken: actionsTaken },
        idempotent: false,
        unknownOutcome: 'the elevation request may or may not have been closed',
        signal: options.signal,
      });
    },
  };
}
