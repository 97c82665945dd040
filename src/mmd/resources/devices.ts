import type { DeviceListQuery, MmdClient } from '../mmd-client';
import type { LinkedQuery } from '../../http/paging';
import { parseEntity } from '../parse-common';
import { deviceSchema } from '../parse-device';
import { elevationDetailsSchema } from '../parse-elevation';
import { segment } from '../url';
import { listPage, orNull, type ResourceContext } from './resource-context';

/** tenants/{tenantId}/devices: list (searchText, $top, $skip), get by name, elevation details. */
export function devicesResource(context: ResourceContext): MmdClient['devices'] {
  const base = `${context.tenantPath}devices`;
  return {
    list: (query: LinkedQuery<DeviceListQuery> = {}, options = {}) =>
      listPage(context, base, deviceSchema, query, { searchText: query.search?.trim() || undefined }, options.signal),

    get: (name, options = {}) =>
      orNull(async () => {
        const path = `${base}/${segment(name)}`;
        const response = await context.send({ method: 'GET', path, signal: options.signal });
        return parseEntity(deviceSchema, response.body, { method: 'GET', path });
      }),

    elevationDetails: (name, options = {}) =>
      orNull(async () => {
        const path = `${base}/${segment(name)}/elevationDetails`;
        const response = await context.send({ method: 'GET', path, signal: options.signal });
        return parseEntity(elevationDetailsSchema, response.body, { method: 'GET', path });
      }),
  };
}
