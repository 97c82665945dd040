import type { MmdClient, UserListQuery } from '../mmd-client';
import type { LinkedQuery } from '../../http/paging';
import { isRecord } from '../../http/parse-common';
import { invalidResponse, parseCollection, parseEntity } from '../parse-common';
import { userSchema } from '../parse-user';
import { segment } from '../url';
import { listPage, orNull, type ResourceContext } from './resource-context';

/** tenants/{tenantId}/users: list (searchText, $top, $skip) and get by UPN. */
export function usersResource(context: ResourceContext): MmdClient['users'] {
  const base = `${context.tenantPath}users`;
  return {
    list: (query: LinkedQuery<UserListQuery> = {}, options = {}) =>
      listPage(context, base, userSchema, query, { searchText: query.search?.trim() || undefined }, options.signal),

    // The documented answer is a one-item collection, not an entity: accept both; an empty
    // collection means "no such user", like a 404.
    get: (upn, options = {}) =>
      orNull(async () => {
        const path = `${base}/${segment(upn)}`;
        const response = await context.send({ method: 'GET', path, signal: options.signal });
        const where = { method: 'GET', path };
        if (!isRecord(response.body) || !Array.isArray(response.body.value)) return parseEntity(userSchema, response.body, where);
        const { items, dropped } = parseCollection(userSchema, response.body, where);
        if (items.length === 0 && dropped > 0) throw invalidResponse(where, 'the user record has no upn');
        return items[0] ?? null;
      }),
  };
}
