import type { CommandSpec } from '../intents/commands';
import { CardCache } from './card-cache';
import { execute } from './card-action';
import { plain } from './escape';
import { renderCard, type AdaptiveCard } from './render';
import { SANDBOX_TEXT, type BotMode } from './sandbox-text';

export interface HelpInput {
  /** Pass COMMANDS from src/intents/commands.ts. */
  commands: readonly CommandSpec[];
  mode: BotMode;
  /** Admin-only commands are listed only for admins. */
  isAdmin?: boolean;
}

const GROUP_ORDER: ReadonlyArray<CommandSpec['group']> = [
  'Devices and users',
  'Support tickets',
  'Elevation requests',
  'Security and enrollment',
  'Audit',
  'General',
];

// Keyed by the command list itself (callers pass the one COMMANDS array) and every other input.
const cache = new WeakMap<readonly CommandSpec[], CardCache>();

/** Every command the user may run, grouped, each with a Try button that runs its example. */
export function helpCard({ commands, mode, isAdmin = false }: HelpInput): AdaptiveCard {
  let cards = cache.get(commands);
  if (!cards) cache.set(commands, (cards = new CardCache()));
  return cards.get(JSON.stringify([mode, isAdmin]), () => renderHelp(commands, mode, isAdmin));
}

function renderHelp(commands: readonly CommandSpec[], mode: BotMode, isAdmin: boolean): AdaptiveCard {
  const visible = commands.filter((c) => isAdmin || !c.adminOnly);
  const groups = GROUP_ORDER.map((name) => ({
    name,
    commands: visible
      .filter((c) => c.group === name)
      .map((c) => ({
        usage: plain(c.usage),
        description: plain(c.adminOnly ? `${c.description} Admins only.` : c.description),
        try: execute('Try', 'command', { text: c.example, keep: 'help' }),
      })),
  })).filter((g) => g.commands.length > 0);
  return renderCard('help', { sandbox: mode === 'sandbox', sandboxText: SANDBOX_TEXT, groups });
}
