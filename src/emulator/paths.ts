/** Path clean-up before routing: the documents' sloppy spellings and OData keys. */
import { badRequest } from './errors';

/**
 * Collapses `//` and drops spaces next to slashes (`/odata/v1 /tenants`, `/odata/ /v1`), as the
 * documents spell some paths. Only the path is touched, never the query.
 */
export function normalizePath(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q);
  const clean = path
    .replace(/(?:%20|\s)+\//g, '/')
    .replace(/\/(?:%20|\s)+/g, '/')
    .replace(/\/{2,}/g, '/');
  return clean + query;
}

/**
 * Parses the key part of `tickets(...)` (already URL-decoded): `'ID'` with `''` for a quote;
 * leniently also `ID` unquoted and the documents' placeholder braces `'{ID}'`.
 */
export function parseTicketKey(inside: string): string {
  let key: string;
  if (inside.startsWith("'")) {
    if (inside.length < 2 || !inside.endsWith("'")) throw badRequest(`The key ${inside} is not a valid quoted string.`);
    const body = inside.slice(1, -1);
    // Inside the quotes every quote must be doubled.
    if (/'/.test(body.replace(/''/g, ''))) throw badRequest(`The key ${inside} has an unescaped quote; double it ('').`);
    key = body.replace(/''/g, "'");
  } else {
    key = inside;
  }
  if (key.startsWith('{') && key.endsWith('}')) key = key.slice(1, -1);
  if (key.trim() === '') throw badRequest('The ticket key is empty.');
  return key;
}

const TICKET_SEGMENT = /^(.*\/support\/odata\/v1\/)([^/?]*)(.*)$/;

/**
 * Rewrites `.../tickets('ID')/rest` to `.../tickets/<encoded ID>/rest` so the router can match it.
 * Answers the URL unchanged when it holds no OData key; throws a 400 for a malformed one.
 */
export function rewriteTicketKey(url: string): string {
  const match = TICKET_SEGMENT.exec(url);
  if (!match) return url;
  const prefix = match[1] ?? '';
  const segment = match[2] ?? '';
  const rest = match[3] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw badRequest('The request URI is not valid: bad percent-encoding.');
  }
  if (!/^tickets\s*\(/i.test(decoded)) return url;
  if (!decoded.endsWith(')')) throw badRequest(`The key segment '${decoded}' is not valid.`);
  const inside = decoded.slice(decoded.indexOf('(') + 1, -1).trim();
  return `${prefix}tickets/${encodeURIComponent(parseTicketKey(inside))}${rest}`;
}
