import { allOf, and, contains, eq, ge, gt, key, le, literal, lt, ne, not, or, startsWith, type Filter } from '../../src/http/odata';
import { type TicketField } from '../../src/mmd/odata';

describe('literal', () => {
  it('quotes strings and doubles single quotes', () => {
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal("''")).toBe("''''''");
    expect(literal('')).toBe("''");
  });

  it('writes finite numbers, booleans and null; refuses NaN and Infinity', () => {
    expect(literal(2)).toBe('2');
    expect(literal(-1.5)).toBe('-1.5');
    expect(literal(true)).toBe('true');
    expect(literal(false)).toBe('false');
    expect(literal(null)).toBe('null');
    expect(() => literal(Number.NaN)).toThrow(RangeError);
    expect(() => literal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('filters', () => {
  it('renders comparisons and functions as the documents write them', () => {
    expect(String(and<TicketField>(eq('state', 'resolved'), eq('severity', 2)))).toBe("state eq 'resolved' and severity eq 2");
    expect(String(contains('title', 'Test'))).toBe("contains(title,'Test')");
    expect(String(startsWith('title', 'A'))).toBe("startswith(title,'A')");
    expect([ne('a', 1), gt('a', 1), lt('a', 1), ge('a', 1), le('a', 1)].map(String)).toEqual([
      'a ne 1',
      'a gt 1',
      'a lt 1',
      'a ge 1',
      'a le 1',
    ]);
  });

  it('parenthesises compound children so precedence is explicit', () => {
    const filter = and(or(eq('state', 'active'), eq('state', 'resolved')), not(contains('title', 'x')));
    expect(filter.toString()).toBe("(state eq 'active' or state eq 'resolved') and not (contains(title,'x'))");
  });

  it('keeps an injection attempt inside one literal', () => {
    expect(eq('title', "x' or 1 eq 1 or title eq '").toString()).toBe("title eq 'x'' or 1 eq 1 or title eq '''");
  });

  it('refuses field names that are not identifiers, and empty and/or', () => {
    expect(() => eq('title eq 1 or x', 1)).toThrow(RangeError);
    expect(() => contains('a)', 'b')).toThrow(RangeError);
    expect(() => and()).toThrow(RangeError);
    expect(() => or()).toThrow(RangeError);
  });

  it('allOf skips absent parts', () => {
    expect(allOf<TicketField>(undefined, undefined)).toBeUndefined();
    expect(String(allOf<TicketField>(undefined, eq('state', 'active')))).toBe("state eq 'active'");
  });

  it('ties a filter to its entity fields at compile time', () => {
    const ok: Filter<TicketField> = eq('state', 'active');
    // @ts-expect-error: password is not a ticket field
    const bad: Filter<TicketField> = eq('password', 'x');
    expect(String(ok)).toBe("state eq 'active'");
    expect(String(bad)).toBe("password eq 'x'");
  });
});

describe('key', () => {
  it('doubles quotes, keeps them literal, and percent-encodes the rest', () => {
    expect(key('MMD-1465058-R5V8P')).toBe("('MMD-1465058-R5V8P')");
    expect(key("a'b")).toBe("('a''b')");
    expect(key('a/b?c#d%e f')).toBe("('a%2Fb%3Fc%23d%25e%20f')");
    expect(key('ü')).toBe("('%C3%BC')");
  });

  it('decodes back to the id by percent-decoding once and undoubling quotes', () => {
    for (const id of ["x'", "')", '%27', "a''b", '()']) {
      const inner = decodeURIComponent(key(id).slice(2, -2));
      expect(inner.replace(/''/g, "'")).toBe(id);
    }
  });
});
