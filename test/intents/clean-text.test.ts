import fc from 'fast-check';
import { cleanStringsDeep, cleanText } from '../../src/intents/clean-text';

const UNSAFE = /[\u0000\u202A-\u202E\u2066-\u2069]/;

describe('cleanText', () => {
  it('removes NUL and every bidi override and isolate character, and nothing else', () => {
    const all = '\u0000\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(cleanText(`a${all}b`)).toBe('ab');
    expect(cleanText('gpj\u202Eexe.scr')).toBe('gpjexe.scr');
    expect(cleanText('Ünïcødé \u200F RLM stays, tabs\tstay')).toBe('Ünïcødé \u200F RLM stays, tabs\tstay');
  });

  it('never leaves one behind and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const cleaned = cleanText(s);
        expect(cleaned).not.toMatch(UNSAFE);
        expect(cleanText(cleaned)).toBe(cleaned);
      }),
    );
  });
});

describe('cleanStringsDeep', () => {
  it('cleans string values at any depth, leaves keys and other types alone', () => {
    const value = { a: 'x\u0000', list: ['\u202Ey', 3, null, { deep: 'z\u2066' }], ok: true, 'k\u0000': 'v' };
    expect(cleanStringsDeep(value)).toEqual({ a: 'x', list: ['y', 3, null, { deep: 'z' }], ok: true, 'k\u0000': 'v' });
    expect(cleanStringsDeep('a\u0000b')).toBe('ab');
    expect(cleanStringsDeep(42)).toBe(42);
  });

  it('copes with a 10,000-deep document', () => {
    let doc: Record<string, unknown> = { leaf: 'end\u0000' };
    for (let i = 0; i < 10_000; i += 1) doc = { next: doc };
    cleanStringsDeep(doc);
    let node = doc;
    while (node.next) node = node.next as Record<string, unknown>;
    expect(node.leaf).toBe('end');
  });
});
