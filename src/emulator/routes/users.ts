/** tenants/{tenantId}/users, users/{upn} */
import { collection } from '../collection';
import { notFound } from '../errors';
import { ok, serviceRoot, type RouteHandler } from '../http';
import { readListQuery } from '../odata-query';
import type { UserRecord } from '../records';
import { rejectFilterAndOrder } from './unsupported';

const USER_NOT_FOUND = 'This user does not exist.';

export const listUsers: RouteHandler = (req, ctx) => {
  const query = readListQuery(req.query);
  rejectFilterAndOrder(query);
  // The documents list users with empty groups; the single-user answer carries them.
  return collection(req, ctx, 'Users', ctx.store.listUsers(query.searchText), query, (user: UserRecord) => ({
    ...user,
    groups: [],
  }));
};

/** As the documents show it: a collection holding the one user, not an entity. */
export const getUser: RouteHandler = (req, ctx) => {
  const user = ctx.store.getUser(req.params.upn ?? '');
  if (!user) throw notFound(USER_NOT_FOUND);
  return ok({ '@odata.context': `${serviceRoot(ctx)}$metadata#Users`, value: [user] });
};
