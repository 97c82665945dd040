import fc from 'fast-check';
import { parseFilter, type FieldTypes, type FilterNode } from '../../src/emulator/odata-filter';
import { and, contains, eq, ge, gt, le, lt, ne, not, or, startsWith, type Filter } from '../../src/http/odata';
import { queryString } from '../../src/http/url';

/*
 * Property: whatever strings and numbers go in, the $filter that reaches a real OData parser
 * (the emulator's, after a trip through the query string) has exactly the intended structure,
 * and every literal decodes back to the value given.
 */

const FIELDS: FieldTypes = { title: 'string', state: 'string', subcategory: 'string', severity: 'number' };
type StringField = 'title' | 'state' | 'subcategory';
type Field = StringField | 'severity';
type Op = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

/** The intended structure: n-ary and/or, as built. */
type Spec =
  | { kind: 'compare'; op: Op; field: Field; value: string | number | null }
  | { kind: 'call'; name: 'contains' | 'startswith'; field: StringField; text: string }
  | { kind: 'and' | 'or'; items: Spec[] }
  | { kind: 'not'; item: Spec };

const tricky = fc.constantFrom(
  "'",
  "''",
  "' or 1 eq 1",
  "x' or title eq 'y",
  ' and ',
  ' or ',
  'not ',
  '(',
  ')',
  "')",
  '%27',
  '%',
  '+',
  '&$top=1',
  '#',
  '?',
  '\u0000',
  '\t\n',
  'é',
  '😀',
  '$filter=',
  'null',
  'true',
  ',',
);
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'binary-ascii' }),
  tricky,
  fc.array(tricky).map((parts) => parts.join('')),
);
const stringField = fc.constantFrom<StringField>('title', 'state', 'subcategory');
const op = fc.constantFrom<Op>('eq', 'ne', 'gt', 'lt', 'ge', 'le');
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

const leaf: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ kind: fc.constant('compare' as const), op, field: stringField, value: fc.oneof(text, fc.constant(null)) }),
  fc.record({ kind: fc.constant('compare' as const), op, field: fc.constant('severity' as const), value: number }),
  fc.record({
    kind: fc.constant('call' as const),
    name: fc.constantFrom('contains' as const, 'startswith' as const),
    field: stringField,
    text,
  }),
);

const tree = fc.letrec<{ spec: Spec }>((tie) => ({
  spec: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), items: fc.array(tie('spec'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('not' as const), item: tie('spec') }),
  ),
})).spec;

const COMPARE = { eq, ne, gt, lt, ge, le };

function build(spec: Spec): Filter<Field> {
  switch (spec.kind) {
    case 'compare':
      return COMPARE[spec.op]<Field>(spec.field, spec.value);
    case 'call':
      return spec.name === 'contains' ? contains<Field>(spec.field, spec.text) : startsWith<Field>(spec.field, spec.text);
    case 'and':
      return and(...spec.items.map(build));
    case 'or':
      return or(...spec.items.map(build));
    case 'not':
      return not(build(spec.item));
  }
}

/** A comparable shape: and/or flattened (associative), one-item and/or unwrapped, -0 as 0. */
type Shape = { n: string; items?: Shape[]; field?: string; value?: unknown };

function fromSpec(spec: Spec): Shape {
  switch (spec.kind) {
    case 'compare':
      return { n: spec.op, field: spec.field, value: spec.value === 0 ? 0 : spec.value };
    case 'call':
      return { n: spec.name, field: spec.field, value: spec.text };
    case 'not':
      return { n: 'not', items: [fromSpec(spec.item)] };
    case 'and':
    case 'or': {
      if (spec.items.length === 1) return fromSpec(spec.items[0]!);
      return { n: spec.kind, items: spec.items.map(fromSpec).flatMap((s) => (s.n === spec.kind ? s.items! : [s])) };
    }
  }
}

function fromParsed(node: FilterNode): Shape {
  switch (node.kind) {
    case 'compare': {
      if (node.left.kind !== 'field' || node.right.kind !== 'literal') throw new Error('unexpected compare shape');
      return { n: node.op, field: node.left.path, value: node.right.value === 0 ? 0 : node.right.value };
    }
    case 'call': {
      const [target, arg] = node.args;
      if (target?.kind !== 'field' || arg?.kind !== 'literal') throw new Error('unexpected call shape');
      return { n: node.name, field: target.path, value: arg.value };
    }
    case 'not':
      return { n: 'not', items: [fromParsed(node.operand)] };
    case 'and':
    case 'or':
      return { n: node.kind, items: [node.left, node.right].map(fromParsed).flatMap((s) => (s.n === node.kind ? s.items! : [s])) };
    default:
      throw new Error(`unexpected node ${node.kind}`);
  }
}

describe('OData filter escaping (property)', () => {
  it('round-trips arbitrary values through the query string into the intended structure', () => {
    fc.assert(
      fc.property(tree, (spec) => {
        const filter = build(spec).toString();
        const query = queryString({ $filter: filter, $top: 5 });
        const params = new URLSearchParams(query.slice(1));
        expect([...params.keys()]).toEqual(['$filter', '$top']);
        const received = params.get('$filter')!;
        expect(received).toBe(filter);
        expect(fromParsed(parseFilter(received, FIELDS, 'Ticket'))).toEqual(fromSpec(spec));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the classic injection inside a single literal', () => {
    const text = "x' or 1 eq 1 or title eq '";
    const parsed = parseFilter(eq('title', text).toString(), FIELDS);
    expect(parsed).toMatchObject({ kind: 'compare', op: 'eq', left: { path: 'title' }, right: { kind: 'literal', value: text } });
  });
});
