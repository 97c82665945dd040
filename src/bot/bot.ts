import { helpCard } from '../cards/help-card';
import { welcomeCard } from '../cards/welcome-card';
import { COMMANDS } from '../intents/commands';
import { parseIntent } from '../intents/parse-intent';
import { isVerb } from '../protocol/verbs';
import { firstWelcome } from '../state/welcomed';
import type { BotDeps } from './deps';
import { runIntent, runVerb } from './dispatch';
import { text, type Reply } from './reply';
import type { Routes } from './route';
import type { Turn } from './turn';

/** What the Teams edge hands over and gets back: no SDK types, only turns and replies. */
export interface Bot {
  /** A typed message (mentions already removed). */
  message(turn: Turn, text: string): Promise<Reply>;
  /** Action.Submit, and the fallback of every Action.Execute: the message value `{ verb, ...data }`. */
  submit(turn: Turn, value: { verb: unknown } & Record<string, unknown>): Promise<Reply>;
  /** Action.Execute: the answer replaces the card in place. */
  execute(turn: Turn, verb: unknown, data: unknown): Promise<Reply>;
  /** The app was added to a conversation: the welcome card, once per conversation. */
  installed(turn: Turn): Promise<Reply | undefined>;
}

/** Turns messages and card actions into intents or verbs and asks the routing table for the handler. */
export function createBot(deps: BotDeps, routes: Routes): Bot {
  function unknown(suggestions: string[]): Reply {
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : '';
    return {
      kind: 'card',
      text: `I did not understand that.${hint} Here is what I can do:`,
      card: helpCard({ commands: COMMANDS, mode: deps.config.mode }),
    };
  }

  return {
    async message(turn, typed) {
      const intent = parseIntent(typed);
      turn.log.info({ intent: intent.kind }, 'message');
      if (intent.kind === 'unknown') return unknown(intent.suggestions);
      return runIntent(routes.intents, turn, intent.kind, intent, deps);
    },

    async submit(turn, { verb, ...data }) {
      if (!isVerb(verb)) return text('That button is not one I know, so nothing was changed.');
      const outcome = await runVerb(routes, turn, verb, data, deps);
      return outcome.ok ? outcome.reply : text(outcome.problem);
    },

    async execute(turn, verb, data) {
      if (!isVerb(verb)) {
        turn.log.warn({ verb: typeof verb === 'string' ? verb.slice(0, 64) : typeof verb }, 'unknown card verb');
        return text('That button is not one I know, so nothing was changed. Type help to see what I can do.');
      }
      const outcome = await runVerb(routes, turn, verb, data, deps);
      return outcome.ok ? outcome.reply : text(outcome.problem);
    },

    async installed(turn) {
      if (!(await firstWelcome(deps.storage, turn.conversationId, deps.now()))) return undefined;
      return { kind: 'card', card: welcomeCard({ mode: deps.config.mode, userName: turn.user.name }) };
    },
  };
}
