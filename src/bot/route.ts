import type { IntentKind, IntentOf } from '../intents/intent';
import type { BotDeps } from './deps';
import type { Reply } from './reply';
import type { Turn } from './turn';
import type { Verb, VerbData } from '../protocol/verbs';
import type { ExtensionRoutes } from './extensions/extension-route';

/** A chat command's handler and, for error messages, what it was doing in plain words. */
export interface IntentRoute<K extends IntentKind> {
  what: (intent: IntentOf<K>) => string;
  run: (turn: Turn, intent: IntentOf<K>, deps: BotDeps) => Promise<Reply>;
}

/** A card verb's handler; `data` is already validated against the verb's schema. */
export interface VerbRoute<V extends Verb> {
  what: (data: VerbData<V>) => string;
  run: (turn: Turn, data: VerbData<V>, deps: BotDeps) => Promise<Reply>;
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
