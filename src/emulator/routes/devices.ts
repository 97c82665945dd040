/** tenants/{tenantId}/devices, devices/{name}, devices/{name}/elevationDetails */
import { collection } from '../collection';
import { notFound } from '../errors';
import { ok, serviceRoot, type RouteHandler } from '../http';
import { readListQuery } from '../odata-query';
import { DEVICE_NOT_FOUND } from '../store';
import { rejectFilterAndOrder } from './unsupported';

export const listDevices: RouteHandler = (req, ctx) => {
  const query = readListQuery(req.query);
  rejectFilterAndOrder(query);
  return collection(req, ctx, 'Devices', ctx.store.listDevices(query.searchText), query);
};

export const getDevice: RouteHandler = (req, ctx) => {
  const device = ctx.store.getDevice(req.params.name ?? '');
  if (!device) throw notFound(DEVICE_NOT_FOUND);
  return ok({ '@odata.context': `${serviceRoot(ctx)}$metadata#Devices/$entity`, ...device });
};

export const getElevationDetails: RouteHandler = (req, ctx) => {
  const details = ctx.store.elevationDetails(req.params.name ?? '', req.caller);
  return ok({
    '@odata.context': `${serviceRoot(ctx)}$metadata#Microsoft.ManagedDesktop.DeviceElevationDetail`,
    ...details,
  });
};
