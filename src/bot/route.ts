import type { UseCaseName } from './use-cases';
import type { IntentKind, IntentOf } from '../intents/intent';
import type { BotDeps } from './deps';
import type { Reply } from './reply';
import type { Turn } from './turn';
import type { Verb, VerbData } from '../protocol/verbs';
import type { ExtensionRoutes } from './extensions/extension-route';

/** A chat command's handler and, for error messages, what it was doing in plain words. */
interface IntentRoute<K extends IntentKind> {
  /** The use case it serves (src/bot/use-cases.ts): the role it needs comes from there. Required: a new route must say. */
  useCase: UseCaseName;
  /** Whether it calls the MMD API: with MMD_AUTH=user such a route needs the user signed in first. Required. */
  mmd: boolean;
  what: (intent: IntentOf<K>) => string;
  run: (turn: Turn, intent: IntentOf<K>, deps: BotDeps) => Promise<Reply>;
}

/** A card verb's handler; `data` is already validated against the verb's schema. */
interface VerbRoute<V extends Verb> {
  /** The use case it serves (src/bot/use-cases.ts): the role it needs comes from there. Required: a new route must say. */
  useCase: UseCaseName;
  /** Whether it calls the MMD API: with MMD_AUTH=user such a route needs the user signed in first. Required. */
  mmd: boolean;
  what: (data: VerbData<V>) => string;
  run: (turn: Turn, data: VerbData<V>, deps: BotDeps) => Promise<Reply>;
  /** Runs when dispatch refused the sender for their role (e.g. audit a refused reveal). */
  refused?: (turn: Turn, data: VerbData<V>, deps: BotDeps, checkFailed: boolean) => Promise<void>;
}

export type IntentRoutes = { [K in Exclude<IntentKind, 'unknown'>]: IntentRoute<K> };
/** Every verb but `command`, which runs a chat command through the intents table (dispatch.ts). */
export type VerbRoutes = { [V in Exclude<Verb, 'command'>]: VerbRoute<V> };

/** The routing table (src/bot/routes.ts): every chat command, card verb and message extension invoke. */
export interface Routes {
  intents: IntentRoutes;
  verbs: VerbRoutes;
  extensions: ExtensionRoutes;
}
