import { COMMANDS } from '../../src/intents/commands';
import { MANIFEST_COMMAND_LIMIT, manifestCommands } from '../../src/intents/manifest-commands';

describe('manifestCommands', () => {
  it('offers at most ten commands within the Teams length limits, never admin-only ones', () => {
    const commands = manifestCommands();
    expect(commands.length).toBeLessThanOrEqual(MANIFEST_COMMAND_LIMIT);
    const adminOnly = COMMANDS.filter((c) => c.adminOnly).map((c) => c.name);
    for (const c of commands) {
      expect(adminOnly).not.toContain(c.title);
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
      expect(c.description.length).toBeGreaterThan(0);
    }
  });

  it('keeps the command list order and prefers commands that work without an argument', () => {
    const titles = manifestCommands(3).map((c) => c.title);
    const withoutArgument = COMMANDS.filter((c) => !c.adminOnly && c.menu !== false && !c.usage.includes('<')).map((c) => c.name);
    expect(titles).toEqual(withoutArgument.slice(0, 3));
    const all = manifestCommands(100).map((c) => c.title);
    expect(all).toEqual(COMMANDS.filter((c) => !c.adminOnly && c.menu !== false).map((c) => c.name));
  });

  it('offers nothing for a limit of zero', () => {
    expect(manifestCommands(0)).toEqual([]);
  });
});
