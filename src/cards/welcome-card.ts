import { COMMANDS } from '../intents/commands';
import { CardCache } from './card-cache';
import { execute, type ExecuteAction } from './card-action';
import { plainShort } from './escape';
import { renderCard, type AdaptiveCard } from './render';
import { SANDBOX_TEXT, type BotMode } from './sandbox-text';

export interface WelcomeInput {
  mode: BotMode;
  /** The new member's display name, when Teams gave one. */
  userName?: string;
  /** Live mode: what is wrong with the connection to the tenant (src/health), or nothing when it works. */
  connectionProblem?: string;
}


// Buttons for the commands a newcomer most likely wants; their text comes from the one command list.
const STARTERS: Array<[title: string, command: string]> = [
  ['Show help', 'help'],
  ['Devices', 'devices'],
  ['Tickets', 'tickets'],
  ['New ticket', 'new ticket'],
];

// Keyed by mode and greeting; bounded, as names vary.
const cache = new CardCache();

/** Sent when the bot is installed or a member joins: what it does, and sandbox or live. */
export function welcomeCard({ mode, userName, connectionProblem }: WelcomeInput): AdaptiveCard {
  const name = userName?.trim() || undefined;
  const connection = connectionProblem ?? null;
  return cache.get(JSON.stringify([mode, name ?? null, connection]), () => renderWelcome(mode, name, connection));
}

function renderWelcome(mode: BotMode, name: string | undefined, problem: string | null): AdaptiveCard {
  return renderCard('welcome', {
    connected: mode !== 'sandbox' && problem === null,
    connectionProblem: mode !== 'sandbox' ? (problem ?? '') : '',
    greeting: name ? `Hi ${plainShort(name, 60)}, I'm MMD Assist.` : "Hi, I'm MMD Assist.",
    sandbox: mode === 'sandbox',
    sandboxText: SANDBOX_TEXT,
    actions: STARTERS.flatMap(([title, command]): ExecuteAction[] => {
      const spec = COMMANDS.find((c) => c.name === command);
      return spec ? [execute(title, 'command', { text: spec.example })] : [];
    }),
  });
}
