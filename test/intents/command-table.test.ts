/**
 * Issue 25 point 7: help, the parser and README's command table say the same. Help is the
 * COMMANDS table itself (help-card.ts); here every usage's keyword and every literal choice in it
 * ([new|active|...]) is understood by the parser as that command, and README's "What you can say"
 * table lists exactly these usages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/intents/commands';
import { parseIntent } from '../../src/intents/parse-intent';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The first cells of README's "What you can say" table, split into their `code` parts, `\|` read as `|`. */
function readmeUsages(): string[] {
  const section = readme.slice(readme.indexOf('## What you can say'), readme.indexOf('## In any chat'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const cell = line.slice(1).split(/(?<!\\)\|/)[0]!;
      return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\\\|/g, '|'));
    });
}

/** Literal alternatives in a usage: `[new|active|resolved|closed]` (not `<...>` placeholders). */
function literalChoices(usage: string): string[][] {
  return [...usage.matchAll(/\[([a-z|]+)\]/g)].map((m) => m[1]!.split('|'));
}

describe('the command table', () => {
  it.each(COMMANDS.map((c) => [c.name, c]))(
    '%s: its example and every literal choice of its usage parse as that command',
    (_name, command) => {
      expect(parseIntent(command.example).kind).toBe(command.intent);
      for (const choices of literalChoices(command.usage)) {
        for (const choice of choices)
          expect({ typed: `${command.name} ${choice}`, kind: parseIntent(`${command.name} ${choice}`).kind }).toEqual({
            typed: `${command.name} ${choice}`,
            kind: command.intent,
          });
      }
    },
  );

  it('tickets: each state help offers is the filter the parser makes', () => {
    for (const state of ['new', 'active', 'resolved', 'closed'])
      expect(parseIntent(`tickets ${state}`)).toMatchObject({ kind: 'tickets', states: [state] });
  });

  it('audit is not listed under elevation requests', () => {
    expect(COMMANDS.find((c) => c.name === 'audit')?.group).toBe('Audit');
  });

  it("README's command table lists every usage of the table verbatim, and nothing the table does not know", () => {
    const documented = readmeUsages();
    for (const command of COMMANDS) {
      for (const usage of command.usage.split(', '))
        expect({ usage, documented: documented.includes(usage) }).toEqual({ usage, documented: true });
    }
    const names = COMMANDS.map((c) => c.name).sort((a, b) => b.length - a.length);
    for (const usage of documented) {
      const known = names.some((name) => usage === name || usage.startsWith(`${name} `)) || usage === 'unsubscribe all';
      expect({ usage, known }).toEqual({ usage, known: true });
    }
  });
});
