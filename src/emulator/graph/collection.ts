/** A Graph collection answer: @odata.context, value, @odata.nextLink with $skip while more remain. */
import type { ApiRequest, ApiResponse, RouteContext } from '../http';
import { paginate, type ListQuery } from '../odata-query';

/** `v1.0` or `beta`, read from the request path (routes are registered per version). */
function graphVersion(req: ApiRequest): 'v1.0' | 'beta' {
  return req.selfUrl.includes('/graph/beta/') ? 'beta' : 'v1.0';
}

export function graphContext(req: ApiRequest, ctx: RouteContext, fragment: string): string {
  return `${ctx.url()}/graph/${graphVersion(req)}/$metadata#${fragment}`;
}

export function graphCollection<T>(
  req: ApiRequest,
  ctx: RouteContext,
  entitySet: string,
  items: readonly T[],
  query: ListQuery,
): ApiResponse {
  const page = paginate(items, query);
  const body: Record<string, unknown> = { '@odata.context': graphContext(req, ctx, entitySet) };
  if (query.count) body['@odata.count'] = page.total;
  body.value = page.value;
  if (page.nextSkip !== null) {
    const next = new URLSearchParams();
    req.query.forEach((value, key) => {
      if (!['$skip', 'skip', '$top', 'top'].includes(key)) next.append(key, value);
    });
    next.set('$top', String(page.pageSize));
    next.set('$skip', String(page.nextSkip));
    body['@odata.nextLink'] = `${req.selfUrl}?${next.toString().replace(/\+/g, '%20')}`;
  }
  return { status: 200, body };
}
