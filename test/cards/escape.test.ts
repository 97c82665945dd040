import { md, mdJoin, mdShort, plain, truncate } from '../../src/cards/escape';

describe('md', () => {
  it('keeps links, emphasis, HTML and template text from rendering', () => {
    expect(md('[click](https://evil.example)')).toBe('\\[click\\]\\(https:\u200B//evil.example\\)');
    expect(md('**bold** _it_ `code` <b>x</b>')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\<b\\>x\\</b\\>');
    expect(md('${injection}')).toBe('$\\{injection\\}');
    expect(md('see www.evil.example')).toBe('see www\u200B.evil.example');
  });

  it('escapes line starts that would make lists, headings and quotes', () => {
    expect(md('- item\n+ item\n# head\n> quote')).toBe('\\- item\n\\+ item\n\\# head\n\\> quote');
    expect(md('1. first\n2) second')).toBe('1\\. first\n2\\) second');
  });

  it('leaves version numbers alone (a backslash before a digit would show)', () => {
    expect(md('10.0.19043.1586')).toBe('10.0.19043.1586');
    expect(md('2021 was fine')).toBe('2021 was fine');
  });

  it('gives the dash for null, undefined and blank', () => {
    expect([md(null), md(undefined), md('  '), md('', 'none')]).toEqual(['—', '—', '—', 'none']);
    expect([plain(null), plain(' x '), plain('', 'none')]).toEqual(['—', 'x', 'none']);
  });
});

describe('mdShort and mdJoin', () => {
  it('cuts before escaping so no escape is split', () => {
    const s = mdShort('[[[[[[[[[[[[', 5);
    expect(s).toBe('\\[\\[\\[\\[…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('joins set parts only', () => {
    expect(mdJoin(['a', null, ' ', 'b_c'], 10)).toBe('a · b\\_c');
    expect(mdJoin([null, ''], 10)).toBe('—');
    expect(mdJoin(['Contoso', 'Laptop'], 10, '—', ' / ')).toBe('Contoso / Laptop');
  });
});
