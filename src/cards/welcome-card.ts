import { COMMANDS } from '../intents/commands';
import { CardCache } from './card-cache';
import { execute, type ExecuteAction } from './card-action';
import { plainShort, words } from './escape';
import { renderCard, type AdaptiveCard } from './render';
import { SANDBOX_TEXT, type BotMode } from './sandbox-text';

export interface WelcomeInput {
  mode: BotMode;
  /** The new member's display name, when Teams gave one. */
  userName?: string;
  /** Live mode: what is wrong with the connection to the tenant (src/health), or nothing when it works. */
  connectionProblem?: string;
  /** A group chat or channel: I answer only when mentioned, so the hint says "@MMD Assist help". */
  inGroup?: boolean;
  /** Whether the reader's role may create tickets: "New ticket" is offered only then. */
  canCreate?: boolean;
}

/** What a group chat or channel must type: Teams delivers only messages that mention the bot. */
export const GROUP_HELP_HINT = 'In a group chat or channel, mention me: type @MMD Assist help to see every command.';
const PERSONAL_HELP_HINT = 'Type help at any time to see every command.';

// Buttons for the commands a newcomer most likely wants; their text comes from the one command list.
// `create`: offered only to a role that can create tickets.
const STARTERS: Array<[title: string, command: string, create?: true]> = [
  ['Show help', 'help'],
  ['Devices', 'devices'],
  ['Tickets', 'tickets'],
  ['New ticket', 'new ticket', true],
];

// Keyed by mode and greeting; bounded, as names vary.
const cache = new CardCache();

/** Sent when the bot is installed or a member joins: what it does, and sandbox or live. */
export function welcomeCard({ mode, userName, connectionProblem, inGroup = false, canCreate = false }: WelcomeInput): AdaptiveCard {
  const name = userName?.trim() || undefined;
  const connection = connectionProblem ?? null;
  return cache.get(JSON.stringify([mode, name ?? null, connection, inGroup, canCreate]), () =>
    renderWelcome(mode, name, connection, inGroup, canCreate),
  );
}

function renderWelcome(
  mode: BotMode,
  name: string | undefined,
  problem: string | null,
  inGroup: boolean,
  canCreate: boolean,
): AdaptiveCard {
  return renderCard('welcome', {
    connected: mode !== 'sandbox' && problem === null,
    connectionProblem: words(mode !== 'sandbox' ? (problem ?? '') : ''),
    greeting: words(name ? `Hi ${plainShort(name, 60)}, I'm MMD Assist.` : "Hi, I'm MMD Assist."),
    sandbox: mode === 'sandbox',
    sandboxText: SANDBOX_TEXT,
    helpHint: inGroup ? GROUP_HELP_HINT : PERSONAL_HELP_HINT,
    actions: STARTERS.flatMap(([title, command, create]): ExecuteAction[] => {
      if (create && !canCreate) return [];
      const spec = COMMANDS.find((c) => c.name === command);
      return spec ? [execute(title, 'command', { text: spec.example })] : [];
    }),
  });
}
