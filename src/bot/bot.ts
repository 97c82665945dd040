import { didYouMeanCard, smallTalkCard } from '../cards/suggestion-card';
import { welcomeCard } from '../cards/welcome-card';
import { parseIntent } from '../intents/parse-intent';
import { smallTalk } from '../intents/small-talk';
import { isVerb } from '../protocol/verbs';
import { firstWelcome } from '../state/welcomed';
import type { BotDeps } from './deps';
import { createConversationMemory } from './notify-services';
import { runIntent, runVerb } from './dispatch';
import { runExtension } from './extensions/extension-dispatch';
import type { ExtensionInvoke } from './extensions/extension-invoke';
import type { ExtensionReply } from './extensions/extension-reply';
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
  /** The app was removed from the conversation (or the bot from its members): forget it. */
  uninstalled(turn: Turn): Promise<void>;
  /** A message extension invoke (search, action command, link unfurling). */
  extension(turn: Turn, invoke: ExtensionInvoke): Promise<ExtensionReply>;
}

/** Turns messages and card actions into intents or verbs and asks the routing table for the handler. */
export function createBot(deps: BotDeps, routes: Routes): Bot {
  const conversations = createConversationMemory(deps.notify.subscriptions);
  /** Every turn keeps where notifications for its conversation go; a failure costs no answer. */
  const remember = async (turn: Turn): Promise<void> => {
    try {
      await conversations.remember(turn);
    } catch (err) {
      turn.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not store the conversation reference');
    }
  };

  /** "Did you mean": a short card with one-click buttons, each running the command with the rest of what was typed. */
  function unknown(typed: string, suggestions: string[]): Reply {
    const words = typed.trim().split(/\s+/);
    const runs = suggestions.map((s) => [s, ...words.slice(s.split(' ').length)].join(' ').slice(0, 200).trim());
    return { kind: 'card', card: didYouMeanCard(typed.trim().slice(0, 100), runs) };
  }

  return {
    async message(turn, typed) {
      await remember(turn);
      const talk = smallTalk(typed);
      if (talk) return { kind: 'card', card: smallTalkCard(talk, turn.user.name) };
      const intent = parseIntent(typed);
      turn.log.info({ intent: intent.kind }, 'message');
      if (intent.kind === 'unknown') return unknown(typed, intent.suggestions);
      return runIntent(routes.intents, turn, intent.kind, intent, deps);
    },

    async submit(turn, { verb, ...data }) {
      await remember(turn);
      if (!isVerb(verb)) return text('That button is not one I know, so nothing was changed.');
      const outcome = await runVerb(routes, turn, verb, data, deps);
      return outcome.ok ? outcome.reply : text(outcome.problem);
    },

    async execute(turn, verb, data) {
      await remember(turn);
      if (!isVerb(verb)) {
        turn.log.warn({ verb: typeof verb === 'string' ? verb.slice(0, 64) : typeof verb }, 'unknown card verb');
        return text('That button is not one I know, so nothing was changed. Type help to see what I can do.');
      }
      const outcome = await runVerb(routes, turn, verb, data, deps);
      return outcome.ok ? outcome.reply : text(outcome.problem);
    },

    async installed(turn) {
      await remember(turn);
      if (!(await firstWelcome(deps.storage, turn.conversationId, deps.now()))) return undefined;
      return { kind: 'card', card: welcomeCard({ mode: deps.config.mode, userName: turn.user.name }) };
    },

    async uninstalled(turn) {
      turn.log.info({}, 'removed from the conversation: its subscriptions and notify settings are dropped');
      await conversations.forget(turn.conversationId);
    },

    async extension(turn, invoke) {
      turn.log.info({ invoke: invoke.kind }, 'message extension');
      return runExtension(routes.extensions, turn, invoke, deps);
    },
  };
}
