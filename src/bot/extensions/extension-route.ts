import type { UseCaseName } from '../use-cases';
import type { BotDeps } from '../deps';
import type { Turn } from '../turn';
import type { ExtensionInvoke } from './extension-invoke';
import type { ExtensionReply } from './extension-reply';

type Input<K extends ExtensionInvoke['kind']> = Extract<ExtensionInvoke, { kind: K }>;

/** A message extension handler and, for errors and slow answers, what it does in plain words. */
export interface ExtensionRoute<I> {
  /** The use case it serves (src/bot/use-cases.ts): the role it needs comes from there. Required: a new route must say. */
  useCase: UseCaseName;
  /** Whether it calls the MMD API: with MMD_AUTH=user such a route needs the user signed in first. Required. */
  mmd: boolean;
  what: (input: I) => string;
  run: (turn: Turn, input: I, deps: BotDeps) => Promise<ExtensionReply>;
}

/** An action command: its dialog (fetchTask) and the dialog's submit (submitAction). */
interface ActionCommandRoute {
  open: ExtensionRoute<Input<'fetchTask'>>;
  submit: ExtensionRoute<Input<'submitAction'>>;
}

/**
 * The message extension part of the routing table. `query` and `action` are keyed by the
 * manifest's command ids (the packager checks that every manifest command id is here).
 */
export interface ExtensionRoutes {
  query: Readonly<Record<string, ExtensionRoute<Input<'query'>>>>;
  action: Readonly<Record<string, ActionCommandRoute>>;
  selectItem: ExtensionRoute<Input<'selectItem'>>;
  queryLink: ExtensionRoute<Input<'queryLink'>>;
}
