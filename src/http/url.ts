import type { ApiProfile } from './api-error';
import type { QueryValue } from './request';

/**
 * One path segment from a caller's value (device name, UPN, user id). Fully percent-encoded;
 * "", "." and ".." are refused because URL parsers resolve them as dot segments (even as %2E)
 * and the request would land on a different resource.
 */
export function segment(value: string, profile: ApiProfile, method = 'GET'): string {
  const trimmed = value.trim();
  if (trimmed === '' || /^(\.|%2e){1,2}$/i.test(trimmed)) {
    throw profile.create({
      status: 0,
      code: 'invalid_request',
      serviceMessage: null,
      method,
      path: '',
      retryable: false,
      message: 'An empty or dot-only name cannot be looked up',
    });
  }
  return encodeURIComponent(value);
}

/**
 * The query string. Values are form-encoded by URLSearchParams (so `'`, `&`, `#`, `+` in a
 * $filter cannot break out); the OData system keys keep their literal `$` as in the documents,
 * since some OData servers only match `$top`, not `%24top`.
 */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.append(name, String(value));
  }
  const text = params.toString().replace(/(^|&)%24/g, '$1$');
  return text ? `?${text}` : '';
}

/** baseUrl (ending in '/') + encoded path + query. */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  return `${baseUrl}${path}${queryString(query)}`;
}

/**
 * An @odata.nextLink made absolute, or an error when it leaves the API root: the bearer token
 * goes wherever we follow, so a link to another origin (or outside the root) is refused.
 */
export function resolveNextLink(baseUrl: string, link: string, profile: ApiProfile): string {
  const refused = (message: string) =>
    profile.create({ status: 0, code: 'invalid_response', serviceMessage: null, method: 'GET', path: '', retryable: false, message });
  let resolved: URL;
  try {
    resolved = new URL(link, baseUrl);
  } catch {
    throw refused('the nextLink is not a URL');
  }
  const base = new URL(baseUrl);
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) {
    throw refused(`the nextLink points outside the ${profile.service} API root; not followed`);
  }
  return resolved.href;
}

/** Path below the API root without the query: what errors and logs show. */
export function displayPath(baseUrl: string, url: string): string {
  const base = new URL(baseUrl);
  const target = new URL(url);
  return target.pathname.startsWith(base.pathname) ? target.pathname.slice(base.pathname.length) : target.pathname;
}
