import fc from 'fast-check';
import { checkFields, envelopeShape, fieldSchema, type FieldRule } from '../../src/protocol/field-rules';
import { inputElement } from '../../src/cards/input-element';
import { ELEVATION_FIELDS, CLOSE_FIELDS } from '../../src/protocol/elevation-rules';
import { NOTE_FIELDS } from '../../src/protocol/note-rules';
import { NEW_TICKET_FIELDS } from '../../src/protocol/ticket-rules';
import { z } from 'zod';

const NOW = new Date('2026-11-22T14:02:00Z');
const ALL: Array<[string, FieldRule]> = Object.entries({ ...NEW_TICKET_FIELDS, ...NOTE_FIELDS, ...ELEVATION_FIELDS, ...CLOSE_FIELDS });

/**
 * What a Teams client checks before it sends, from the input element alone: isRequired, maxLength
 * (the box stops taking characters), regex (unanchored test, as the client does), min/max.
 */
function cardAccepts(element: Record<string, unknown>, value: string): boolean {
  if (value === '') return element.isRequired !== true;
  if (typeof element.maxLength === 'number' && value.length > element.maxLength) return false;
  if (typeof element.regex === 'string' && !new RegExp(element.regex).test(value)) return false;
  if (element.type === 'Input.Number') {
    const n = Number(value);
    if (Number.isNaN(n) || (typeof element.min === 'number' && n < element.min) || (typeof element.max === 'number' && n > element.max))
      return false;
  }
  if (element.type === 'Input.ChoiceSet') return (element.choices as Array<{ value: string }>).some((c) => c.value === value);
  return true;
}

const serverAccepts = (rule: FieldRule, value: string) => fieldSchema(rule, NOW).safeParse(value).success;

describe('field rules: one source for the card and the server', () => {
  it.each(ALL)('%s: the input carries the rule', (id, rule) => {
    const element = inputElement(id, rule, '', NOW);
    expect(element).toMatchObject({ id, label: rule.label, isRequired: rule.required, errorMessage: rule.errorMessage });
    if (rule.kind === 'text') {
      expect(element.maxLength).toBe(rule.maxLength);
      expect(element.regex).toBe(rule.regex);
    }
    if (rule.kind === 'number') expect(element).toMatchObject({ min: rule.min, max: rule.max });
    if (rule.kind === 'date' && rule.notAfterToday) expect(element.max).toBe('2026-11-22');
  });

  it.each(ALL.filter(([, r]) => r.kind === 'text'))('%s: the card and the server agree on every value (no outer spaces)', (id, rule) => {
    const element = inputElement(id, rule, '', NOW);
    const samples = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.stringMatching(/^[A-Za-z0-9._-]{1,70}$/),
      fc.emailAddress(),
      fc.stringMatching(/^\+?[0-9 ()./-]{0,40}$/),
    );
    fc.assert(
      fc.property(samples, (value) => {
        fc.pre(value === value.trim());
        expect(serverAccepts(rule, value)).toBe(cardAccepts(element, value));
      }),
      { numRuns: 300 },
    );
  });

  it.each(ALL.filter(([, r]) => r.kind === 'choice' || r.kind === 'number'))('%s: the card and the server agree', (id, rule) => {
    const element = inputElement(id, rule, '', NOW);
    const values = ['', '0', '1', '4', '5', '1000000', '1000001', '2.5', 'abc', 'Devices', 'Other', 'Incident', 'Excel', 'Office'];
    for (const value of values) {
      // The one check a 1.5 card cannot make: Input.Number takes fractions; the server asks for a whole number.
      const card = cardAccepts(element, value) && !(rule.kind === 'number' && !Number.isInteger(Number(value)));
      expect([value, serverAccepts(rule, value)]).toEqual([value, card]);
    }
  });

  it('uses the rule’s own words for every refusal', () => {
    const result = checkFields(NEW_TICKET_FIELDS, { title: '', email: 'nope', usersOrDevicesImpacted: '0' }, NOW);
    expect(result.errors.title).toBe(NEW_TICKET_FIELDS.title.errorMessage);
    expect(result.errors.email).toBe(NEW_TICKET_FIELDS.email.errorMessage);
    expect(result.errors.usersOrDevicesImpacted).toBe(NEW_TICKET_FIELDS.usersOrDevicesImpacted.errorMessage);
  });

  it('trims, converts numbers and toggles, and leaves empty optional fields out', () => {
    const { values, errors } = checkFields(
      NEW_TICKET_FIELDS,
      { title: '  A title  ', usersOrDevicesImpacted: 12, issueReproduced: true, endUserSupportEngaged: 'false', businessImpact: '  ' },
      NOW,
    );
    expect(errors.title).toBeUndefined();
    expect(values).toMatchObject({
      title: 'A title',
      usersOrDevicesImpacted: 12,
      issueReproduced: true,
      endUserSupportEngaged: false,
      businessImpact: undefined,
    });
  });

  it('keeps the date limit in step with the card: today passes, tomorrow does not', () => {
    const rule = NEW_TICKET_FIELDS.issueDate;
    expect(serverAccepts(rule, '2026-11-22')).toBe(true);
    expect(serverAccepts(rule, '2026-11-23')).toBe(false);
    expect(serverAccepts(rule, '2026-02-29')).toBe(false);
  });

  describe('the envelope (what a genuine card can send)', () => {
    const envelope = z.object(envelopeShape(NEW_TICKET_FIELDS));
    it('lets badly filled fields through to the form’s own check', () => {
      expect(envelope.safeParse({ title: '', email: 'nope', usersOrDevicesImpacted: 'abc', issueDate: 'soon' }).success).toBe(true);
      expect(envelope.safeParse({ title: 't'.repeat(400) }).success).toBe(true);
    });
    it('refuses what no card sends', () => {
      for (const bad of [
        { title: 't'.repeat(401) },
        { type: 'Outage' },
        { severity: 2.5 },
        { severity: { x: 1 } },
        { issueReproduced: 'yes' },
        { category: '__proto__' },
      ]) {
        expect([bad, envelope.safeParse(bad).success]).toEqual([bad, false]);
      }
    });
  });
});
