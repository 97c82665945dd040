/**
 * The command list as the Teams app manifest wants it (`bots[].commandLists[].commands`), read
 * from the one command list so help, parser and manifest never disagree.
 */
import { COMMANDS, type CommandSpec } from './commands';

export interface ManifestCommand {
  title: string;
  description: string;
}

/** Teams limits: at most 10 commands per list, titles 32 and descriptions 128 characters. */
export const MANIFEST_COMMAND_LIMIT = 10;
const MAX_TITLE = 32;
const MAX_DESCRIPTION = 128;

const needsArgument = (c: CommandSpec): boolean => c.usage.includes('<');

/**
 * Commands to offer in the compose box: never admin-only ones, nor those kept out of the menu. With more than `limit`, those
 * that work without an argument go in first, secondary ones last; the result keeps the command
 * list's order.
 */
export function manifestCommands(limit: number = MANIFEST_COMMAND_LIMIT): ManifestCommand[] {
  const offered = COMMANDS.filter((c) => !c.adminOnly && c.menu !== false);
  const primary = offered.filter((c) => !c.secondary);
  const ranked = [...primary.filter((c) => !needsArgument(c)), ...primary.filter(needsArgument), ...offered.filter((c) => c.secondary)];
  const chosen = new Set(ranked.slice(0, Math.max(0, limit)));
  return offered
    .filter((c) => chosen.has(c))
    .map((c) => ({ title: c.name.slice(0, MAX_TITLE), description: c.description.slice(0, MAX_DESCRIPTION) }));
}
