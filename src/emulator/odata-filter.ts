/**
 * A small recursive-descent parser and evaluator for OData `$filter`:
 * `eq ne gt lt ge le`, `and or not`, parentheses, `contains/startswith/endswith(field,'x')`,
 * `tolower/toupper/trim(x)`, string literals with `''` escaping, numbers, datetimes, `null`,
 * `true/false`, on declared fields (optionally with `/` paths such as `contact/email`).
 * Every failure is an ODataError (HTTP 400); nothing else escapes.
 *
 * Grammar:  or := and ('or' and)* ; and := unary ('and' unary)* ; unary := 'not' unary | cmp ;
 *           cmp := primary (op primary)? ; primary := '(' or ')' | literal | call | field
 */
import { ODataError, tokenize, type Token } from './odata-tokens';

type FieldType = 'string' | 'number' | 'boolean' | 'datetime';
/** Fields a collection can be filtered and ordered on, with their types. */
export type FieldTypes = Record<string, FieldType>;

type ValueType = FieldType | 'null';
type CompareOp = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

export type FilterNode =
  | { kind: 'literal'; type: ValueType; value: string | number | boolean | null }
  | { kind: 'field'; path: string; type: FieldType }
  | { kind: 'call'; name: string; args: FilterNode[]; type: FieldType }
  | { kind: 'compare'; op: CompareOp; left: FilterNode; right: FilterNode }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le']);
const RESERVED = new Set(['and', 'or', 'not', 'eq', 'ne', 'gt', 'lt', 'ge', 'le', 'null', 'true', 'false']);
const FUNCTIONS: Record<string, { args: FieldType[]; returns: FieldType }> = {
  contains: { args: ['string', 'string'], returns: 'boolean' },
  startswith: { args: ['string', 'string'], returns: 'boolean' },
  endswith: { args: ['string', 'string'], returns: 'boolean' },
  tolower: { args: ['string'], returns: 'string' },
  toupper: { args: ['string'], returns: 'string' },
  trim: { args: ['string'], returns: 'string' },
};

function typeOf(node: FilterNode): ValueType {
  switch (node.kind) {
    case 'literal':
    case 'field':
    case 'call':
      return node.type;
    default:
      return 'boolean';
  }
}

/** Whether two operand types may be compared. Datetime fields also take quoted strings. */
function comparable(a: ValueType, b: ValueType): boolean {
  if (a === 'null' || b === 'null' || a === b) return true;
  const pair = new Set([a, b]);
  return pair.has('datetime') && pair.has('string');
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly fields: FieldTypes,
    private readonly entity: string,
  ) {}

  parse(): FilterNode {
    const node = this.or();
    const token = this.peek();
    if (token.kind !== 'end') throw this.unexpected(token);
    this.requireBoolean(node, 0);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private take(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isWord(value: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.value.toLowerCase() === value;
  }

  private unexpected(token: Token): ODataError {
    if (token.kind === 'end') return new ODataError(`Syntax error: unexpected end of expression at position ${token.pos}.`);
    const shown = token.kind === 'word' || token.kind === 'number' ? `'${token.value}'` : `'${token.kind}'`;
    return new ODataError(`Syntax error: unexpected ${shown} at position ${token.pos}.`);
  }

  private requireBoolean(node: FilterNode, pos: number): void {
    if (typeOf(node) !== 'boolean') throw new ODataError(`A boolean expression is required near position ${pos}.`);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      const pos = this.take().pos;
      const right = this.and();
      this.requireBoolean(left, pos);
      this.requireBoolean(right, pos);
      left = { kind: 'or', left, right };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      const pos = this.take().pos;
      const right = this.unary();
      this.requireBoolean(left, pos);
      this.requireBoolean(right, pos);
      left = { kind: 'and', left, right };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      const pos = this.take().pos;
      const operand = this.unary();
      this.requireBoolean(operand, pos);
      return { kind: 'not', operand };
    }
    return this.compare();
  }

  private compare(): FilterNode {
    const left = this.primary();
    const token = this.peek();
    if (token.kind === 'word' && COMPARE_OPS.has(token.value.toLowerCase())) {
      this.take();
      const op = token.value.toLowerCase() as CompareOp;
      const right = this.primary();
      const a = typeOf(left);
      const b = typeOf(right);
      if (!comparable(a, b)) {
        throw new ODataError(`Cannot compare a ${a} with a ${b} at position ${token.pos}.`);
      }
      if (op !== 'eq' && op !== 'ne' && (a === 'boolean' || b === 'boolean')) {
        throw new ODataError(`Operator '${op}' does not apply to booleans at position ${token.pos}.`);
      }
      return { kind: 'compare', op, left, right };
    }
    return left;
  }

  private primary(): FilterNode {
    const token = this.take();
    switch (token.kind) {
      case 'open': {
        const inner = this.or();
        const close = this.take();
        if (close.kind !== 'close') throw this.unexpected(close);
        return inner;
      }
      case 'string':
        return { kind: 'literal', type: 'string', value: token.value };
      case 'number':
        return { kind: 'literal', type: 'number', value: token.value };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: token.value };
      case 'word':
        return this.word(token.value, token.pos);
      default:
        throw this.unexpected(token);
    }
  }

  private word(value: string, pos: number): FilterNode {
    const lower = value.toLowerCase();
    if (lower === 'null') return { kind: 'literal', type: 'null', value: null };
    if (lower === 'true' || lower === 'false') return { kind: 'literal', type: 'boolean', value: lower === 'true' };
    if (this.peek().kind === 'open') return this.call(lower, pos);
    if (RESERVED.has(lower)) throw new ODataError(`Syntax error: unexpected '${value}' at position ${pos}.`);
    const type = this.fields[value];
    if (!type) throw new ODataError(`Could not find a property named '${value}' on type '${this.entity}'.`);
    return { kind: 'field', path: value, type };
  }

  private call(name: string, pos: number): FilterNode {
    const spec = FUNCTIONS[name];
    if (!spec) throw new ODataError(`Unknown function '${name}' at position ${pos}.`);
    this.take();
    const args: FilterNode[] = [];
    if (this.peek().kind !== 'close') {
      for (;;) {
        args.push(this.or());
        const sep = this.take();
        if (sep.kind === 'close') break;
        if (sep.kind !== 'comma') throw this.unexpected(sep);
      }
    } else {
      this.take();
    }
    if (args.length !== spec.args.length) {
      throw new ODataError(`Function '${name}' takes ${spec.args.length} argument(s), got ${args.length}.`);
    }
    args.forEach((arg, i) => {
      const type = typeOf(arg);
      if (type !== spec.args[i] && type !== 'null' && !(type === 'datetime' && spec.args[i] === 'string')) {
        throw new ODataError(`Argument ${i + 1} of '${name}' must be a ${spec.args[i]}, not a ${type}.`);
      }
    });
    return { kind: 'call', name, args, type: spec.returns };
  }
}

/**
 * Parses `$filter` text against the fields of one entity type (named in messages).
 * Throws ODataError (400) on any syntax or type error, an unknown field or function.
 */
export function parseFilter(text: string, fields: FieldTypes, entity = 'Entity'): FilterNode {
  if (text.trim() === '') throw new ODataError('The $filter expression is empty.');
  try {
    return new Parser(tokenize(text), fields, entity).parse();
  } catch (error) {
    if (error instanceof ODataError) throw error;
    // A stack overflow on absurd nesting, or anything unforeseen, is still the client's 400.
    throw new ODataError('The $filter expression could not be parsed.');
  }
}

/** Reads a field, following `/` paths into nested objects. */
export function readPath(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('/')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined ? null : current;
}

type Value = string | number | boolean | null;

function toValue(raw: unknown): Value {
  if (raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return null;
}

function value(node: FilterNode, record: unknown): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'field':
      return toValue(readPath(record, node.path));
    case 'call':
      return callValue(
        node.name,
        node.args.map((arg) => value(arg, record)),
      );
    case 'compare':
      return compare(node, record);
    case 'and':
      return value(node.left, record) === true && value(node.right, record) === true;
    case 'or':
      return value(node.left, record) === true || value(node.right, record) === true;
    case 'not':
      return value(node.operand, record) !== true;
  }
}

function callValue(name: string, args: Value[]): Value {
  const [a, b] = args;
  if (typeof a !== 'string') return name === 'contains' || name === 'startswith' || name === 'endswith' ? false : null;
  switch (name) {
    case 'contains':
      return typeof b === 'string' && a.includes(b);
    case 'startswith':
      return typeof b === 'string' && a.startsWith(b);
    case 'endswith':
      return typeof b === 'string' && a.endsWith(b);
    case 'tolower':
      return a.toLowerCase();
    case 'toupper':
      return a.toUpperCase();
    default:
      return a.trim();
  }
}

/** Orders two values: numbers numerically, datetimes by instant, strings ordinally. */
export function order(a: Value, b: Value, asDate: boolean): number {
  if (asDate) {
    const x = typeof a === 'number' ? a : typeof a === 'string' ? Date.parse(a) : NaN;
    const y = typeof b === 'number' ? b : typeof b === 'string' ? Date.parse(b) : NaN;
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compare(node: Extract<FilterNode, { kind: 'compare' }>, record: unknown): boolean {
  const a = value(node.left, record);
  const b = value(node.right, record);
  if (a === null || b === null) {
    if (node.op === 'eq') return a === b;
    if (node.op === 'ne') return a !== b;
    return false;
  }
  const asDate = typeOf(node.left) === 'datetime' || typeOf(node.right) === 'datetime';
  const c = order(a, b, asDate);
  switch (node.op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'gt':
      return c > 0;
    case 'lt':
      return c < 0;
    case 'ge':
      return c >= 0;
    default:
      return c <= 0;
  }
}

/** True when `record` satisfies the parsed filter. */
export function matches(node: FilterNode, record: unknown): boolean {
  return value(node, record) === true;
}
