import { didYouMeanCard, smallTalkCard } from '../cards/suggestion-card';
import { GROUP_HELP_HINT, welcomeCard } from '../cards/welcome-card';
import { roleAllows } from '../config/roles';
import { parseIntent } from '../intents/parse-intent';
import { smallTalk } from '../intents/small-talk';
import { isVerb, type Verb } from '../protocol/verbs';
import { takePending } from '../state/sign-in-store';
import { signInFailure, tokenExchange, verifyState, type SignInAnswer } from './sign-in/sign-in-invokes';
import { depsForTurn } from './sign-in/user-context';
import { firstGroupHint, firstWelcome } from '../state/welcomed';
import type { BotDeps } from './deps';
import { createConversationMemory } from './notify-services';
import { runIntent, runVerb } from './dispatch';
import { telemetry } from '../telemetry/telemetry';
import { extensionNeedsMmd, runExtension } from './extensions/extension-dispatch';
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
  /**
   * MMD_AUTH=user: a Teams sign-in invoke (`signin/tokenExchange`, `signin/verifyState`,
   * `signin/failure`); undefined when the bot does not sign users in (app context).
   */
  signIn(turn: Turn, name: string, value: unknown): Promise<SignInAnswer | undefined>;
}

/** Whether a card action's route calls MMD (for `command`, the typed command's route). */
function needsMmd(routes: Routes, verb: Verb, data: unknown): boolean {
  if (verb !== 'command') return routes.verbs[verb].mmd;
  const typed = data && typeof data === 'object' && 'text' in data && typeof data.text === 'string' ? data.text : '';
  const intent = parseIntent(typed);
  return intent.kind === 'unknown' || routes.intents[intent.kind].mmd;
}

/** Turns messages and card actions into intents or verbs and asks the routing table for the handler. */
export function createBot(deps: BotDeps, routes: Routes): Bot {
  const conversations = createConversationMemory(deps.notify.subscriptions);
  /** Every turn keeps where notifications for its conversation go; a failure costs no answer. */
  const remember = async (turn: Turn): Promise<void> => {
    try {
      await conversations.remember(turn);
    } catch (err) {
      turn.log.warn({ err }, 'could not store the conversation reference');
    }
  };

  /** "Did you mean": a short card with one-click buttons, each running the command with the rest of what was typed. */
  function unknown(typed: string, suggestions: string[]): Reply {
    const words = typed.trim().split(/\s+/);
    const runs = suggestions.map((s) => [s, ...words.slice(s.split(' ').length)].join(' ').slice(0, 200).trim());
    return { kind: 'card', card: didYouMeanCard(typed.trim().slice(0, 100), runs) };
  }

  async function message(turn: Turn, typed: string): Promise<Reply> {
    const talk = smallTalk(typed);
    if (talk) {
      telemetry().annotate({ intent: 'smallTalk' });
      return { kind: 'card', card: smallTalkCard(talk, turn.user.name) };
    }
    const intent = parseIntent(typed);
    turn.log.info({ intent: intent.kind }, 'message');
    if (intent.kind === 'unknown') {
      // Every message turn carries what it was taken for, 'unknown' included (never the text).
      telemetry().annotate({ intent: 'unknown' });
      // A group chat or channel: the first message without a command gets the @mention hint; later ones only a "did you mean".
      if (turn.conversation !== 'personal' && (await firstGroupHint(deps.storage, turn.conversationId, deps.now())))
        return text(GROUP_HELP_HINT);
      if (turn.conversation !== 'personal' && intent.suggestions.length === 0) return { kind: 'done' };
      return unknown(typed, intent.suggestions);
    }
    if (!deps.userContext || !routes.intents[intent.kind].mmd) return runIntent(routes.intents, turn, intent.kind, intent, deps);
    const ready = await depsForTurn(turn, deps, { kind: 'message', text: typed.slice(0, 2000) });
    if ('reply' in ready) return ready.reply;
    return runIntent(routes.intents, turn, intent.kind, intent, ready.deps);
  }

  async function verbTurn(turn: Turn, verb: Verb, data: unknown): Promise<Reply> {
    let turnDeps = deps;
    // Only MMD_AUTH=user asks whether the button needs MMD (for a `command` that parses the text).
    if (deps.userContext && needsMmd(routes, verb, data)) {
      const ready = await depsForTurn(turn, deps, { kind: 'verb', verb, data });
      if ('reply' in ready) return ready.reply;
      turnDeps = ready.deps;
    }
    const outcome = await runVerb(routes, turn, verb, data, turnDeps);
    return outcome.ok ? outcome.reply : text(outcome.problem);
  }

  /** After a sign-in: the command asked for before it, answered as a new message. */
  async function runPending(turn: Turn): Promise<Reply | undefined> {
    const pending = await takePending(deps.storage, turn.conversationId, turn.user.id, deps.now());
    if (!pending) return text('You are signed in to MMD Assist.');
    const asMessage: Turn = { ...turn, kind: 'message', replyToId: undefined };
    if (pending.kind === 'message') return message(asMessage, pending.text);
    if (!isVerb(pending.verb)) return undefined;
    return verbTurn(asMessage, pending.verb, pending.data);
  }

  return {
    async message(turn, typed) {
      await remember(turn);
      return message(turn, typed);
    },

    async submit(turn, { verb, ...data }) {
      await remember(turn);
      if (!isVerb(verb)) return text('That button is not one I know, so nothing was changed.');
      return verbTurn(turn, verb, data);
    },

    async execute(turn, verb, data) {
      await remember(turn);
      if (!isVerb(verb)) {
        turn.log.warn({ verb: typeof verb === 'string' ? verb.slice(0, 64) : typeof verb }, 'unknown card verb');
        return text('That button is not one I know, so nothing was changed. Type help to see what I can do.');
      }
      return verbTurn(turn, verb, data);
    },

    async signIn(turn, name, value) {
      if (!deps.userContext) return undefined;
      switch (name) {
        case 'signin/tokenExchange':
          return tokenExchange(turn, value, deps, runPending);
        case 'signin/verifyState':
          return verifyState(turn, value, deps, runPending);
        case 'signin/failure':
          return signInFailure(turn, value, deps);
        default:
          return undefined;
      }
    },

    async installed(turn) {
      await remember(turn);
      if (!(await firstWelcome(deps.storage, turn.conversationId, deps.now()))) return undefined;
      const canCreate = roleAllows((await deps.security.roles.of(turn)).roles, 'operator');
      const inGroup = turn.conversation !== 'personal';
      return {
        kind: 'card',
        card: welcomeCard({ mode: deps.config.mode, userName: turn.user.name, connectionProblem: deps.connection?.(), inGroup, canCreate }),
      };
    },

    async uninstalled(turn) {
      turn.log.info({}, 'removed from the conversation: its subscriptions and notify settings are dropped');
      await conversations.forget(turn.conversationId);
    },

    async extension(turn, invoke) {
      turn.log.info({ invoke: invoke.kind }, 'message extension');
      if (!deps.userContext) return runExtension(routes.extensions, turn, invoke, deps);
      // Not signed in: Teams' own sign-in answer (a link to the OAuth connection's page); the
      // invoke then comes again with the page's code, which signs the user in here.
      if (turn.userTokens && extensionNeedsMmd(routes.extensions, invoke)) {
        let token: string | undefined;
        try {
          token = await turn.userTokens.get(invoke.signInState);
        } catch (err) {
          turn.log.warn({ err }, 'user token not read: token service failed');
          return { kind: 'message', text: 'Signing in is not possible right now; try again in a minute.' };
        }
        if (!token) {
          try {
            return { kind: 'signIn', url: await turn.userTokens.signInLink() };
          } catch (err) {
            turn.log.warn({ err }, 'sign-in link not read: token service failed');
            return { kind: 'message', text: 'Signing in is not possible right now; try again in a minute.' };
          }
        }
      }
      const ready = await depsForTurn(
        { ...turn, userTokens: turn.userTokens && { ...turn.userTokens, sendSignInCard: async () => undefined } },
        deps,
        undefined,
      );
      if ('reply' in ready)
        return { kind: 'message', text: 'Sign in to MMD Assist first: open your chat with MMD Assist and type `help`, then try again.' };
      return runExtension(routes.extensions, turn, invoke, ready.deps);
    },
  };
}
