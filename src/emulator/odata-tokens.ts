/** Tokenizer of OData `$filter` text (the subset the emulator understands). */
import { EmulatorError } from './errors';

export type Token =
  | { kind: 'open' | 'close' | 'comma' | 'end'; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'datetime'; value: number; text: string; pos: number }
  /** Identifiers, property paths (`contact/email`) and word operators (eq, and, null...). */
  | { kind: 'word'; value: string; pos: number };

/** The one error the OData code throws: a 400 with an OData-style message. */
export class ODataError extends EmulatorError {
  constructor(detail: string) {
    super(400, `The query specified in the URI is not valid. ${detail}`);
    this.name = 'ODataError';
  }
}

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      pos++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'open' : ch === ')' ? 'close' : 'comma', pos });
      pos++;
      continue;
    }
    if (ch === "'") {
      const start = pos;
      let value = '';
      pos++;
      for (;;) {
        if (pos >= text.length) throw new ODataError(`Unterminated string literal at position ${start}.`);
        const c = text[pos]!;
        if (c === "'") {
          // A doubled quote is a literal quote inside the string.
          if (text[pos + 1] === "'") {
            value += "'";
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        value += c;
        pos++;
      }
      tokens.push({ kind: 'string', value, pos: start });
      continue;
    }
    const rest = text.slice(pos);
    const date = DATETIME.exec(rest);
    if (date && date[0].length > 4) {
      const ms = Date.parse(date[0]);
      if (Number.isNaN(ms)) throw new ODataError(`Invalid date literal '${date[0]}' at position ${pos}.`);
      tokens.push({ kind: 'datetime', value: ms, text: date[0], pos });
      pos += date[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]), pos });
      pos += num[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', value: word[0], pos });
      pos += word[0].length;
      continue;
    }
    throw new ODataError(`Syntax error: unexpected character '${ch}' at position ${pos}.`);
  }
  tokens.push({ kind: 'end', pos });
  return tokens;
}
