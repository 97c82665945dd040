import fc from 'fast-check';
import { EmulatorError } from '../../src/emulator/errors';
import { matches, parseFilter, type FieldTypes } from '../../src/emulator/odata-filter';
import { ODataError } from '../../src/emulator/odata-tokens';

const FIELDS: FieldTypes = {
  title: 'string',
  state: 'string',
  severity: 'number',
  isPartner: 'boolean',
  createdDateTime: 'datetime',
  resolvedDateTime: 'datetime',
  'contact/email': 'string',
};

const ticket = {
  title: "O'Brien's laptop: Test",
  state: 'resolved',
  severity: 2,
  isPartner: false,
  createdDateTime: '2024-12-14T04:28:18.1234567Z',
  resolvedDateTime: null,
  contact: { email: 'jd@contoso.com' },
};

const check = (filter: string, record: object = ticket): boolean => matches(parseFilter(filter, FIELDS, 'Ticket'), record);

describe('parseFilter / matches', () => {
  it.each([
    ["state eq 'resolved'", true],
    ["state ne 'resolved'", false],
    ['severity eq 2', true],
    ['severity gt 1 and severity lt 3', true],
    ['severity ge 3 or severity le 1', false],
    ["state eq 'resolved' and severity eq 2", true],
    ["not (state eq 'active')", true],
    ["not state eq 'resolved'", false],
    ["(severity eq 1 or severity eq 2) and (state eq 'resolved')", true],
    ["contains(title,'Test')", true],
    ["contains(title,'test')", false],
    ["contains(tolower(title),'test')", true],
    ["startswith(title,'O''Brien''s')", true],
    ["endswith(title, 'Test')", true],
    ["toupper(state) eq 'RESOLVED'", true],
    ['isPartner eq false', true],
    ['isPartner', false],
    ['not isPartner', true],
    ['resolvedDateTime eq null', true],
    ['resolvedDateTime ne null', false],
    ['null eq resolvedDateTime', true],
    ['createdDateTime gt 2024-12-01T00:00:00Z', true],
    ['createdDateTime lt 2024-12-14', false],
    ["createdDateTime ge '2024-12-14T04:28:18Z'", true],
    ['resolvedDateTime gt 2020-01-01T00:00:00Z', false],
    ["contact/email eq 'jd@contoso.com'", true],
    ['severity eq 2.0', true],
    ['severity eq -2', false],
  ])('%s -> %p', (filter, expected) => {
    expect(check(filter)).toBe(expected);
  });

  it('reads operators in any case, property names only as declared', () => {
    expect(check("state EQ 'resolved' AND severity Eq 2")).toBe(true);
    expect(() => check("STATE eq 'resolved'")).toThrow(ODataError);
  });

  it('binds and tighter than or, and not tighter than and', () => {
    // false or (true and true)
    expect(check("state eq 'x' or severity eq 2 and isPartner eq false")).toBe(true);
    // (not false) and false
    expect(check("not state eq 'x' and severity eq 3")).toBe(false);
  });

  it.each([
    '',
    '   ',
    "state eq 'resolved' and",
    "state eq 'unterminated",
    'state eq',
    'eq 1',
    '(severity eq 1',
    'severity eq 1)',
    'severity eq 1 severity eq 2',
    'unknown eq 1',
    "severity eq 'two'",
    'state gt true',
    'isPartner gt true',
    'contains(title)',
    "contains(title,'a','b')",
    "contains(severity,'1')",
    'nosuchfunction(title)',
    'state eq resolved',
    "'resolved'",
    'severity',
    'severity eq 2 and title',
    'state eq @p',
    'state eq "resolved"',
    'createdDateTime gt 2024-13-45T00:00:00Z',
    '((((((((((',
    'and',
    ',',
  ])('rejects %p with a typed 400', (filter) => {
    let thrown: unknown;
    try {
      parseFilter(filter, FIELDS, 'Ticket');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ODataError);
    expect(thrown).toBeInstanceOf(EmulatorError);
    expect((thrown as EmulatorError).status).toBe(400);
    expect((thrown as EmulatorError).message).toMatch(/^The query specified in the URI is not valid\./);
  });

  it('names the unknown property and the entity', () => {
    expect(() => parseFilter('colour eq 1', FIELDS, 'Ticket')).toThrow("Could not find a property named 'colour' on type 'Ticket'.");
  });

  it('survives absurd nesting with a typed 400 or a result, never a crash', () => {
    const deep = `${'('.repeat(20_000)}severity eq 2${')'.repeat(20_000)}`;
    let outcome: unknown;
    try {
      outcome = check(deep);
    } catch (error) {
      outcome = error;
    }
    expect(outcome === true || outcome instanceof ODataError).toBe(true);
  });

  it('never throws anything but ODataError on arbitrary input', () => {
    const pieces = fc.constantFrom(
      '(',
      ')',
      "'",
      "''",
      ',',
      ' ',
      'eq',
      'and',
      'or',
      'not',
      'title',
      'severity',
      '1',
      '2024-01-01',
      'contains',
      'null',
      'true',
      '-',
      '.',
      '/',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 12 }).map((p) => p.join(' ')),
          fc.array(pieces).map((p) => p.join('')),
        ),
        (text) => {
          try {
            const node = parseFilter(text, FIELDS, 'Ticket');
            expect(typeof matches(node, ticket)).toBe('boolean');
          } catch (error) {
            expect(error).toBeInstanceOf(ODataError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
