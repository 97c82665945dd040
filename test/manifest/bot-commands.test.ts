import { isHandledCommand, offeredCommands } from '../../scripts/app-package/bot-commands';
import { COMMANDS } from '../../src/intents/commands';
import { manifestCommands } from '../../src/intents/manifest-commands';

test('the menu offers 10 handled commands in the parser list order; "notes" alone is not handled and makes room', () => {
  const { commands, skipped } = offeredCommands();
  expect(commands.length).toBe(10);
  expect(commands.every((c) => isHandledCommand(c.title))).toBe(true);
  expect(skipped).toEqual(['notes']);
  const order = COMMANDS.map((c) => c.name);
  expect(commands.map((c) => order.indexOf(c.title))).toEqual([...commands.map((c) => order.indexOf(c.title))].sort((a, b) => a - b));
  expect(commands.map((c) => c.title)).toContain('request elevation');
});

test('with room for all, every handled non-admin command is offered', () => {
  const all = manifestCommands(COMMANDS.length);
  const { commands } = offeredCommands(COMMANDS.length);
  expect(commands).toEqual(all.filter((c) => isHandledCommand(c.title)));
});

test('isHandledCommand: commands yes, unknown text no', () => {
  expect(isHandledCommand('help')).toBe(true);
  expect(isHandledCommand('new ticket')).toBe(true);
  expect(isHandledCommand('xyzzy')).toBe(false);
});
