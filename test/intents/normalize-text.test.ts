import { MAX_INPUT_CHARS, normalizeText } from '../../src/intents/normalize-text';
import { tokenize } from '../../src/intents/tokens';

describe('normalizeText', () => {
  it.each([
    ['  devices \n\t now  ', 'devices now'],
    ['<at>MMD Assist</at> tickets', 'tickets'],
    ['<at id="0">MMD Assist</at>&nbsp;tickets', 'tickets'],
    ['<p>tickets <b>active</b></p>', 'tickets active'],
    ['R&amp;D &lt;team&gt; &quot;x&quot; &#39;y&#39; &#x41;', 'R&D <team> "x" \'y\' A'],
    ['bad &#0; &#xD800; &#1114112; &bogus; end', 'bad &bogus; end'],
    ['zero\u200bwidth\u00a0and\u2003spaces\ufeff', 'zero width and spaces'],
    ['&amp;nbsp;', '&nbsp;'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('looks at the first MAX_INPUT_CHARS characters only', () => {
    expect(normalizeText(`${'a'.repeat(MAX_INPUT_CHARS)}tail`)).toBe('a'.repeat(MAX_INPUT_CHARS));
  });

  it('tolerates a non-string from an untyped caller', () => {
    expect(normalizeText(undefined as unknown as string)).toBe('');
  });
});

describe('tokenize', () => {
  it('drops punctuation around words but keeps it inside entities', () => {
    expect(tokenize("**ticket** #MMD-1465058-R5V8P, for jdoe@contoso.com. (Adele's) tickets('X') /help?").map((t) => t.raw)).toEqual([
      'ticket',
      'MMD-1465058-R5V8P',
      'for',
      'jdoe@contoso.com',
      "Adele's",
      'tickets',
      'X',
      'help',
    ]);
  });

  it('keeps the case in raw and lower-cases in lower', () => {
    expect(tokenize('Adele')).toEqual([{ raw: 'Adele', lower: 'adele' }]);
  });
});
