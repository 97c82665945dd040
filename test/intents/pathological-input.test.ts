import { parseIntent } from '../../src/intents/parse-intent';
import { intentProblem } from './intent-validator';

// Inputs built to hurt a careless regex or a quadratic loop. No timing assertions: a
// catastrophic pattern would hang the test long past jest's timeout instead.
const HUGE = 200_000;
const INPUTS = [
  'a'.repeat(HUGE),
  '<'.repeat(HUGE),
  '<a'.repeat(HUGE / 2),
  '<at>'.repeat(HUGE / 4),
  '&#'.repeat(HUGE / 2),
  `${'.'.repeat(HUGE)}x`,
  `${'a@'.repeat(HUGE / 2)}`,
  `${'a.'.repeat(HUGE / 2)}@`,
  `x@${'a.'.repeat(HUGE / 2)}`,
  `MMD-${'1'.repeat(HUGE)}-ABCD`,
  `${'MMD-1234-'.repeat(HUGE / 9)}`,
  'create a '.repeat(HUGE / 9),
  'severity 2 or '.repeat(HUGE / 14),
  'tickets about '.repeat(HUGE / 14),
  ' '.repeat(HUGE),
  '\u200b'.repeat(HUGE),
];

describe('parseIntent on pathological input', () => {
  it.each(INPUTS.map((s) => [`${JSON.stringify(s.slice(0, 12))}... (${s.length} chars)`, s]))(
    '%s gives a well-formed intent',
    (_, text) => {
      expect(intentProblem(parseIntent(text))).toBeUndefined();
    },
  );

  it('keeps search text and unknown text short', () => {
    const search = parseIntent(`devices ${'x'.repeat(5000)}`);
    expect(search).toEqual({ kind: 'devices', search: 'x'.repeat(100) });
    const unknown = parseIntent('z'.repeat(5000));
    expect(unknown.kind === 'unknown' && unknown.text.length).toBe(2000);
  });
});
