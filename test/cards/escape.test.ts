import { plain, plainJoin, plainShort, truncate } from '../../src/cards/escape';

describe('plain', () => {
  it('keeps text exactly as typed: no backslashes, no zero-width spaces (TextRuns process no markdown)', () => {
    for (const s of [
      '[click](https://evil.example)',
      '**bold** _it_ `code` <b>x</b>',
      '${injection}',
      '- item\n1. first',
      'see www.evil.example',
    ]) {
      expect(plain(s)).toBe(s);
    }
  });

  it('keeps line breaks', () => {
    expect(plain('Line one\nLine two')).toBe('Line one\nLine two');
  });

  it('gives the dash for null, undefined and blank', () => {
    expect([plain(null), plain(undefined), plain('  '), plain(' x '), plain('', 'none')]).toEqual(['—', '—', '—', 'x', 'none']);
  });
});

describe('plainShort and plainJoin', () => {
  it('cuts on a word boundary', () => {
    expect(plainShort('[[[[[[[[[[[[', 5)).toBe('[[[[…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('joins set parts only', () => {
    expect(plainJoin(['a', null, ' ', 'b_c'], 10)).toBe('a · b_c');
    expect(plainJoin([null, ''], 10)).toBe('—');
    expect(plainJoin(['Networking', 'VPN'], 10, '—', ' / ')).toBe('Networking / VPN');
  });
});
