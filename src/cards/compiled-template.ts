/**
 * A fast path for expanding our card templates, matching adaptivecards-templating 2.3 for the
 * few expression shapes cards/ uses: `${a.b}`, `${count(a) == 0}` / `${count(a) > 0}`,
 * `${a != ''}`, `${!a}`, in property values, `$data` and `$when`. The library parses each
 * expression with adaptive-expressions and evaluates it through a memory object on every
 * expand; here a template is compiled once into closures.
 *
 * Property names are looked up as the library does: the first own key, in insertion order,
 * equal ignoring case (adaptive-expressions' accessProperty). Wherever the library's answer
 * depends on something subtler (an undefined value it replaces by the literal "${path}", an
 * error from count() on a non-list, a Map, a non-boolean operand), evaluation throws
 * NotCompiled and the caller renders with the library instead. A template holding any other
 * shape (text around an expression, functions, $root/$index) is not compiled at all.
 * test/cards/compiled-template.test.ts checks every template against the library.
 */

/** Thrown while expanding when the library must decide; the caller falls back to it. */
export class NotCompiled extends Error {
  constructor(reason: string) {
    super(`template needs the library: ${reason}`);
    this.name = 'NotCompiled';
  }
}

type Scope = unknown;
type Eval = (scope: Scope) => unknown;
/** Expands one template node in a scope; `undefined` means "omit" (as the library does). */
type Node = (scope: Scope) => unknown;

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);
const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const PATH = `${IDENT}(?:\\.${IDENT})*`;
const WHOLE = /^\$\{([^{}`\\]*)\}$/;
const SHAPES = {
  path: new RegExp(`^(${PATH})$`),
  count: new RegExp(`^count\\((${PATH})\\) (==|>) (\\d+)$`),
  notEmpty: new RegExp(`^(${PATH}) != ''$`),
  not: new RegExp(`^!(${PATH})$`),
};
// Words adaptive-expressions reads as constants, not property names.
const CONSTANTS = new Set(['true', 'false', 'null', 'undefined']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** adaptive-expressions' property access: the first key equal ignoring case; undefined if none. */
function property(instance: unknown, lowerName: string): unknown {
  if (instance === null || instance === undefined) return undefined;
  if (!isPlainObject(instance)) throw new NotCompiled('property of a non-object');
  for (const key of Object.keys(instance)) if (key.toLowerCase() === lowerName) return instance[key];
  return undefined;
}

function compilePath(path: string): Eval | null {
  const segments = path.split('.');
  if (CONSTANTS.has(segments[0]!.toLowerCase()) || segments.some((s) => s.startsWith('$'))) return null;
  const lower = segments.map((s) => s.toLowerCase());
  return (scope) => {
    let value: unknown = scope;
    for (const name of lower) value = property(value, name);
    return value;
  };
}

/** The value of a property-value or `$data` expression (substitutions on, errors are errors). */
function compileValue(inner: string): Eval | null {
  let m = SHAPES.path.exec(inner);
  if (m) {
    const get = compilePath(m[1]!);
    if (!get) return null;
    return (scope) => {
      const value = get(scope);
      // The library writes the literal "${path}" for undefined: leave that to it.
      if (value === undefined) throw new NotCompiled(`undefined ${inner}`);
      return value;
    };
  }
  if ((m = SHAPES.count.exec(inner))) {
    const get = compilePath(m[1]!);
    if (!get) return null;
    const op = m[2]!;
    const n = Number(m[3]);
    return (scope) => {
      const value = get(scope);
      if (!Array.isArray(value) && typeof value !== 'string') throw new NotCompiled(`count of a non-list in ${inner}`);
      return op === '==' ? value.length === n : value.length > n;
    };
  }
  if ((m = SHAPES.notEmpty.exec(inner))) {
    const get = compilePath(m[1]!);
    if (!get) return null;
    return (scope) => {
      const value = get(scope);
      if (typeof value !== 'string') throw new NotCompiled(`non-string in ${inner}`);
      return value !== '';
    };
  }
  if ((m = SHAPES.not.exec(inner))) {
    const get = compilePath(m[1]!);
    if (!get) return null;
    return (scope) => {
      const value = get(scope);
      if (typeof value !== 'boolean') throw new NotCompiled(`non-boolean in ${inner}`);
      return !value;
    };
  }
  return null;
}

/** A `$when`: the library keeps the object only for a boolean true. */
function compileWhen(inner: string): Eval | null {
  const m = SHAPES.path.exec(inner);
  if (m) {
    const get = compilePath(m[1]!);
    // Substitutions are off for $when: undefined is simply not true.
    return get && ((scope) => get(scope) === true);
  }
  const value = compileValue(inner);
  return value && ((scope) => value(scope) === true);
}

function expression(text: string): string | null {
  return WHOLE.exec(text)?.[1] ?? null;
}

class Uncompilable extends Error {}

function compileNode(node: unknown): Node {
  if (typeof node === 'string') {
    if (!node.includes('${')) return () => node;
    const inner = expression(node);
    const value = inner === null ? null : compileValue(inner);
    if (!value) throw new Uncompilable(node);
    return value;
  }
  if (Array.isArray(node)) {
    const items = node.map(compileNode);
    return (scope) => {
      const out: unknown[] = [];
      for (const item of items) {
        const value = item(scope);
        if (value === null) continue;
        if (Array.isArray(value)) out.push(...(value as unknown[]));
        else out.push(value);
      }
      return out;
    };
  }
  if (node !== null && typeof node === 'object') return compileObject(node as Record<string, unknown>);
  return () => node;
}

function compileObject(node: Record<string, unknown>): Node {
  const entries = Object.keys(node)
    .filter((key) => !RESERVED.has(key))
    .map((key) => [key, compileNode(node[key])] as const);
  const rawWhen = node.$when;
  let when: Eval | null = null;
  if (rawWhen !== undefined) {
    const inner = typeof rawWhen === 'string' ? expression(rawWhen) : null;
    when = inner === null ? null : compileWhen(inner);
    if (!when) throw new Uncompilable('$when is not an expression this compiler knows');
  }
  const rawData = node.$data;
  let data: Eval | null = null;
  if (rawData !== undefined) {
    const inner = typeof rawData === 'string' ? expression(rawData) : null;
    data = inner === null ? null : compileValue(inner);
    if (!data) throw new Uncompilable('$data is not an expression this compiler knows');
  }
  const expandOne = (scope: Scope): Record<string, unknown> | undefined => {
    if (when && !when(scope)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, child] of entries) {
      const value = child(scope);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  return (scope) => {
    let scopes: Scope[] = [scope];
    if (data) {
      const value = data(scope);
      if (Array.isArray(value)) scopes = value;
      else if (isPlainObject(value)) scopes = [value];
      else throw new NotCompiled('$data that is neither a list nor an object');
    }
    const results: Record<string, unknown>[] = [];
    for (const s of scopes) {
      // The library keeps the outer scope for an undefined item; anything else becomes the scope.
      const one = expandOne(s === undefined ? scope : s);
      if (one) results.push(one);
    }
    if (results.length === 0) return null;
    return results.length === 1 ? results[0] : results;
  };
}

/** A compiled template, or null when it uses something the fast path does not cover. */
export function compileTemplate(template: unknown): ((data: object) => unknown) | null {
  try {
    const root = compileNode(template);
    return (data) => root(data);
  } catch (err) {
    if (err instanceof Uncompilable) return null;
    throw err;
  }
}
