/**
 * Typed OData `$filter` builders. Values never meet the filter text unescaped: every value goes
 * through `literal()`, field names are a closed union per entity (declared by each client; checked at run time), and
 * the result travels in the query string through URLSearchParams (see `url.ts`).
 */

export type Literal = string | number | boolean | null;

type Comparison = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

type FilterNode =
  | { kind: 'compare'; op: Comparison; field: string; value: Literal }
  | { kind: 'function'; name: 'contains' | 'startswith'; field: string; text: string }
  | { kind: 'and' | 'or'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode };

/**
 * A filter over the fields F. `toString()` is the `$filter` text. F only narrows what the
 * compiler accepts: a `Filter<'state'>` is usable where a `Filter<TicketField>` is expected,
 * a `Filter<'password'>` is not.
 */
export class Filter<F extends string> {
  /** Phantom: ties the filter to its field names at compile time only. */
  declare readonly fields?: F;

  constructor(readonly node: FilterNode) {}

  toString(): string {
    return render(this.node);
  }
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

function field(name: string): string {
  if (!FIELD.test(name)) throw new RangeError(`Not an OData field name: ${JSON.stringify(name).slice(0, 60)}`);
  return name;
}

/**
 * An OData literal: strings quoted with `'` doubled (`O'Brien` -> `'O''Brien'`), finite numbers
 * as written by JavaScript, `true`/`false`, `null`. NaN and Infinity are refused (OData has no
 * spelling the service would read as the caller meant).
 */
export function literal(value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('OData literals must be finite numbers');
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  throw new TypeError('Unsupported OData literal');
}

/**
 * An entity key segment: `('ID')`. The exact rule: double every `'` in the id, then
 * `encodeURIComponent` the result. encodeURIComponent leaves `'`, `(` and `)` alone, so the
 * delimiting quotes and the doubled quotes stay literal while everything else (`/`, `?`, `#`,
 * `%`, spaces, non-ASCII) is percent-encoded. A server that percent-decodes the path once and
 * then reads the OData key gets the id back exactly: `a'b/c` -> `('a''b%2Fc')`.
 */
export function key(id: string): string {
  return `('${encodeURIComponent(id.replace(/'/g, "''"))}')`;
}

function render(node: FilterNode): string {
  switch (node.kind) {
    case 'compare':
      return `${node.field} ${node.op} ${literal(node.value)}`;
    case 'function':
      return `${node.name}(${node.field},${literal(node.text)})`;
    case 'not':
      return `not (${render(node.item)})`;
    case 'and':
    case 'or':
      // Every compound child is parenthesised, so precedence never depends on the reader.
      return node.items
        .map((item) => (item.kind === 'and' || item.kind === 'or' ? `(${render(item)})` : render(item)))
        .join(` ${node.kind} `);
  }
}

function compare<F extends string>(op: Comparison) {
  return (name: F, value: Literal): Filter<F> => new Filter<F>({ kind: 'compare', op, field: field(name), value });
}

export const eq = <F extends string>(name: F, value: Literal): Filter<F> => compare<F>('eq')(name, value);
export const ne = <F extends string>(name: F, value: Literal): Filter<F> => compare<F>('ne')(name, value);
export const gt = <F extends string>(name: F, value: Literal): Filter<F> => compare<F>('gt')(name, value);
export const lt = <F extends string>(name: F, value: Literal): Filter<F> => compare<F>('lt')(name, value);
export const ge = <F extends string>(name: F, value: Literal): Filter<F> => compare<F>('ge')(name, value);
export const le = <F extends string>(name: F, value: Literal): Filter<F> => compare<F>('le')(name, value);

export function contains<F extends string>(name: F, text: string): Filter<F> {
  return new Filter<F>({ kind: 'function', name: 'contains', field: field(name), text });
}

export function startsWith<F extends string>(name: F, text: string): Filter<F> {
  return new Filter<F>({ kind: 'function', name: 'startswith', field: field(name), text });
}

function combine<F extends string>(kind: 'and' | 'or', filters: Filter<F>[]): Filter<F> {
  const [first] = filters;
  if (first === undefined) throw new RangeError(`${kind}() needs at least one filter`);
  if (filters.length === 1) return first;
  return new Filter<F>({ kind, items: filters.map((f) => f.node) });
}

export const and = <F extends string>(...filters: Filter<F>[]): Filter<F> => combine('and', filters);
export const or = <F extends string>(...filters: Filter<F>[]): Filter<F> => combine('or', filters);

export function not<F extends string>(filter: Filter<F>): Filter<F> {
  return new Filter<F>({ kind: 'not', item: filter.node });
}

/** `and` over the filters that are present; undefined when none is. */
export function allOf<F extends string>(...filters: (Filter<F> | undefined)[]): Filter<F> | undefined {
  const present = filters.filter((f): f is Filter<F> => f !== undefined);
  return present.length === 0 ? undefined : and(...present);
}
