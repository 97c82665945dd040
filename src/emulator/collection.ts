/**
 * Builds a collection answer: @odata.context, value, and @odata.nextLink when more remain. No
 * @odata.count: the MMD documents list searchText, $filter, $skip, $top and $orderby as the
 * supported query options, never $count, and none of their examples carries a count, so the
 * emulator does not invent one (a client must cope with not knowing the total). Graph's
 * collections (graph/collection.ts) do answer $count=true, as Graph does.
 */
import type { ApiRequest, ApiResponse, RouteContext } from './http';
import { serviceRoot } from './http';
import { paginate, type ListQuery } from './odata-query';

export function collection<T>(
  req: ApiRequest,
  ctx: RouteContext,
  entitySet: string,
  items: readonly T[],
  query: ListQuery,
  project: (item: T) => unknown = (item) => item,
): ApiResponse {
  const page = paginate(items, query);
  const body: Record<string, unknown> = { '@odata.context': `${serviceRoot(ctx)}$metadata#${entitySet}` };
  body.value = page.value.map(project);
  if (page.nextSkip !== null) {
    const next = new URLSearchParams();
    req.query.forEach((value, key) => {
      if (!['$skip', 'skip', '$top', 'top'].includes(key)) next.append(key, value);
    });
    next.set('$skip', String(page.nextSkip));
    next.set('$top', String(page.pageSize));
    body['@odata.nextLink'] = `${req.selfUrl}?${next.toString().replace(/\+/g, '%20')}`;
  }
  return { status: 200, body };
}
