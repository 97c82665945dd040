/**
 * The commands the manifest offers in Teams' command menu: the parser's own manifest list
 * (src/intents/manifest-commands.ts), keeping only commands the bot handles when sent exactly as
 * the menu inserts them. Teams puts the title in the compose box; a title that parses to
 * `unknown` (e.g. "notes" without a ticket id) would answer "did you mean" and is not offered.
 */
import { routes } from '../../src/bot/routes';
import { COMMANDS } from '../../src/intents/commands';
import { MANIFEST_COMMAND_LIMIT, manifestCommands, type ManifestCommand } from '../../src/intents/manifest-commands';
import { parseIntent } from '../../src/intents/parse-intent';

/** True when the bot answers `title` with a command, not with suggestions. */
export function isHandledCommand(title: string): boolean {
  return parseIntent(title).kind !== 'unknown';
}

/**
 * True when the bot routes this message extension command id (src/bot/routes.ts, `extensions`):
 * `query` commands by their search route, `action` commands by their dialog route.
 */
export function isHandledExtensionCommand(type: string, id: string): boolean {
  const table = type === 'action' ? routes.extensions.action : routes.extensions.query;
  return Object.hasOwn(table, id);
}

export interface OfferedCommands {
  commands: ManifestCommand[];
  /** Titles of the manifest list the bot does not handle as typed. */
  skipped: string[];
}

/**
 * Up to MANIFEST_COMMAND_LIMIT handled commands, chosen by manifestCommands' own priority: the
 * limit grows one at a time until enough handled commands are in.
 */
export function offeredCommands(limit: number = MANIFEST_COMMAND_LIMIT): OfferedCommands {
  let candidates = manifestCommands(limit);
  for (let n = limit + 1; candidates.filter((c) => isHandledCommand(c.title)).length < limit && n <= COMMANDS.length; n++) {
    candidates = manifestCommands(n);
  }
  return {
    commands: candidates.filter((c) => isHandledCommand(c.title)),
    skipped: candidates.filter((c) => !isHandledCommand(c.title)).map((c) => c.title),
  };
}
