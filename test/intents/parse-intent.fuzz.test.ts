import fc from 'fast-check';
import { COMMANDS } from '../../src/intents/commands';
import { parseIntent } from '../../src/intents/parse-intent';
import { intentProblem } from './intent-validator';

// Words the parser reacts to, entities, and the markup Teams leaves behind, to be mixed with noise.
const WORDS = [
  ...COMMANDS.map((c) => c.name),
  'please',
  'show',
  'me',
  'open',
  'new',
  'create',
  'a',
  'request',
  'elevate',
  'admin',
  'password',
  'laps',
  'for',
  'about',
  'of',
  'who',
  'is',
  "who's",
  'severity',
  'sev',
  'priority',
  's2',
  'p1',
  'sev-3',
  '1',
  '2',
  '3',
  '4',
  '5',
  '1-4',
  'or',
  'and',
  'critical',
  'high',
  'medium',
  'moderate',
  'low',
  'active',
  'resolved',
  'closed',
  'notes',
  'details',
  'incidents',
  'computers',
  "Adele's",
  'MMD-1465058-R5V8P',
  'mmd-1465058-r5v8p',
  'MMD-1234',
  'MMD-03690457680',
  'DESKTOP-AB12CD',
  'LAPTOP-XYZ',
  'pc01',
  'wi-fi',
  'jdoe@contoso.com',
  'ADELE.VANCE@CONTOSO.COM',
  'x@y',
  '?',
  '.',
  '!',
  ',',
  '&nbsp;',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&#1114112;',
  '<at>Bot</at>',
  '<at>',
  '</at>',
  '<p>',
  '</p>',
  '<a href="mailto:x@y.z">',
  '\n',
  '\t',
  '\u200b',
  '\u00a0',
  "'",
  '"',
  '(',
  ')',
  '#',
  '/',
  '**',
  'what can you do',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const noise = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 1 }), loneSurrogate), maxLength: 20 }),
);
const separator = fc.constantFrom(' ', '  ', '', '\n', ', ', '&nbsp;', '-', '.', '?');
const mixed = fc
  .array(fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: noise }), separator), {
    maxLength: 12,
  })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  { weight: 3, arbitrary: mixed },
);

describe('parseIntent on random input', () => {
  it('never throws and always returns a well-formed intent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const intent = parseIntent(text);
        const problem = intentProblem(intent);
        if (problem !== undefined) throw new Error(`${problem}: ${JSON.stringify(text)} -> ${JSON.stringify(intent)}`);
      }),
      { numRuns: 10_000 },
    );
  });

  it('decides the same thing whatever the case of the letters', () => {
    const asciiMix = fc.array(fc.constantFrom(...WORDS.filter((w) => /^[\x20-\x7e]*$/.test(w))), { maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(asciiMix, (text) => {
        const upper = parseIntent(text.toUpperCase());
        const lower = parseIntent(text.toLowerCase());
        expect(upper.kind).toBe(lower.kind);
        if (upper.kind === 'unknown' && lower.kind === 'unknown') expect(upper.suggestions).toEqual(lower.suggestions);
      }),
      { numRuns: 2_000 },
    );
  });
});
