/** Applies the query options of a collection request: $filter, $orderby, $skip/$top paging. */
import { badRequest } from './errors';
import { matches, order, parseFilter, readPath, type FieldTypes } from './odata-filter';
import { ODataError } from './odata-tokens';

export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

export interface ListQuery {
  filter: string | null;
  orderby: string | null;
  searchText: string | null;
  /** Requested page size, or null for the server's default. */
  top: number | null;
  skip: number;
  count: boolean;
}

function nonNegative(name: string, raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  if (!/^\s*\d+\s*$/.test(raw)) throw badRequest(`The value '${raw}' of ${name} is not a non-negative integer.`);
  return Number(raw);
}

/** The documents page with both `$top/$skip` and `top/skip`: both spellings are read. */
export function readListQuery(params: URLSearchParams): ListQuery {
  const pick = (name: string): string | null => params.get(`$${name}`) ?? params.get(name);
  return {
    filter: params.get('$filter'),
    orderby: params.get('$orderby'),
    searchText: params.get('searchText') ?? params.get('searchtext'),
    top: nonNegative('$top', pick('top')),
    skip: nonNegative('$skip', pick('skip')) ?? 0,
    count: (params.get('$count') ?? '').toLowerCase() === 'true',
  };
}

interface OrderKey {
  path: string;
  desc: boolean;
  date: boolean;
}

/** Parses `field [asc|desc], ...`; unknown fields or directions are a 400. */
export function parseOrderBy(text: string, fields: FieldTypes, entity: string): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const part of text.split(',')) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > 2) throw new ODataError(`Invalid $orderby clause '${part.trim()}'.`);
    const [path, dir = 'asc'] = words as [string, string?];
    const type = fields[path];
    if (!type) throw new ODataError(`Could not find a property named '${path}' on type '${entity}'.`);
    const direction = dir.toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') throw new ODataError(`Invalid $orderby direction '${dir}'.`);
    keys.push({ path, desc: direction === 'desc', date: type === 'datetime' });
  }
  return keys;
}

type Scalar = string | number | boolean | null;

function scalar(raw: unknown): Scalar {
  return raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null;
}

/** Filters and orders `items` by the query's $filter and $orderby (nulls sort first, as in OData). */
export function filterAndOrder<T>(items: readonly T[], query: ListQuery, fields: FieldTypes, entity: string): T[] {
  const filter = query.filter === null ? null : parseFilter(query.filter, fields, entity);
  const keys = query.orderby === null ? [] : parseOrderBy(query.orderby, fields, entity);
  const result = filter ? items.filter((item) => matches(filter, item)) : items.slice();
  if (keys.length > 0) {
    // Array.prototype.sort is stable, so ties keep the store's order.
    result.sort((x, y) => {
      for (const key of keys) {
        const a = scalar(readPath(x, key.path));
        const b = scalar(readPath(y, key.path));
        let c: number;
        if (a === null || b === null) c = a === b ? 0 : a === null ? -1 : 1;
        else c = order(a, b, key.date);
        if (c !== 0) return key.desc ? -c : c;
      }
      return 0;
    });
  }
  return result;
}

export interface Page<T> {
  value: T[];
  /** The $skip of the next page when this page is full and more remain. */
  nextSkip: number | null;
  pageSize: number;
  total: number;
}

/** Cuts one page. Without $top, or past MAX_PAGE_SIZE, the server pages by itself. */
export function paginate<T>(items: readonly T[], query: ListQuery): Page<T> {
  const pageSize = Math.min(query.top ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const value = items.slice(query.skip, query.skip + pageSize);
  const end = query.skip + value.length;
  return {
    value,
    nextSkip: value.length === pageSize && pageSize > 0 && end < items.length ? end : null,
    pageSize,
    total: items.length,
  };
}
