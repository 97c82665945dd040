import { COMMANDS } from '../../src/intents/commands';
import { parseIntent } from '../../src/intents/parse-intent';
import { suggestCommands } from '../../src/intents/suggest-commands';

describe('suggestions for unknown input', () => {
  it.each([
    ['tikets', ['tickets']],
    ['devcie x', ['device', 'devices']],
    ['devcie', ['devices']],
    ['please show me tikets active', ['tickets', 'ticket']],
    ['dev', ['devices']],
    ['usr', ['users']],
    ['new tiket', ['new ticket']],
    ['reqest', ['request elevation']],
    ['audt', ['audit']],
    ['hlp', ['help']],
    ['notse', ['notes']],
    ['elevatoins', ['elevations']],
    ['asdf', []],
    ['reboot MMD-1234', []],
    ['the printer is broken', []],
  ])('%j -> %j', (text, suggestions) => {
    expect(parseIntent(text)).toStrictEqual({ kind: 'unknown', text, suggestions });
  });

  it('offers at most three, each a command name', () => {
    const names = new Set(COMMANDS.map((c) => c.name));
    for (const words of [['t'], ['tic'], ['de'], ['user', 'x'], ['e'], ['ticketss', 'x']]) {
      const suggestions = suggestCommands(words);
      expect(suggestions.length).toBeLessThanOrEqual(3);
      suggestions.forEach((s) => expect(names.has(s)).toBe(true));
    }
  });

  it('keeps commands that need an argument when nothing else is close', () => {
    expect(suggestCommands(['notse'])).toEqual(['notes']);
  });

  it('returns nothing for no words or very long ones', () => {
    expect(suggestCommands([])).toEqual([]);
    expect(suggestCommands(['x'.repeat(10_000)])).toEqual([]);
  });
});
