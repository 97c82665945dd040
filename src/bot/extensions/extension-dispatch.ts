import { describeGrants, roleAllows } from '../../config/roles';
import { MmdApiError } from '../../mmd/mmd-api-error';
import { roleRefusalText } from '../security/role-refusal';
import type { BotDeps } from '../deps';
import type { Turn } from '../turn';
import type { ExtensionInvoke } from './extension-invoke';
import { dialogMessage, extensionMessage, type ExtensionReply } from './extension-reply';
import type { ExtensionRoute, ExtensionRoutes } from './extension-route';
import { stillLoading, stillLoadingDialog } from './still-loading';
import { roleOf } from '../use-cases';

/** Dialog invokes answer in the dialog (`task`), the others as `composeExtension`. */
const inDialog = (invoke: ExtensionInvoke) => invoke.kind === 'fetchTask' || invoke.kind === 'submitAction';

function failure(turn: Turn, invoke: ExtensionInvoke, what: string, err: unknown): ExtensionReply {
  const retry = err instanceof MmdApiError && !err.retryable ? '' : ' Try again in a moment.';
  if (err instanceof MmdApiError) turn.log.warn({ err }, `${what} failed`);
  else turn.log.error({ err }, `${what} failed unexpectedly`);
  const text = `${what} failed.${retry} (Reference: ${turn.correlationId})`;
  return inDialog(invoke) ? dialogMessage(text) : extensionMessage(text);
}

/**
 * Runs one handler within the turn's deadline (Teams waits 5 s for an extension): when the
 * signal fires first, the "still loading" answer goes out and the handler's late result is
 * dropped. Whatever the handler throws becomes a message in the extension's own format.
 */
async function guarded<I>(turn: Turn, invoke: ExtensionInvoke, route: ExtensionRoute<I>, input: I, deps: BotDeps): Promise<ExtensionReply> {
  const what = route.what(input);
  const late = (): ExtensionReply => {
    turn.log.warn({ invoke: invoke.kind }, `${what}: deadline reached, answered "still loading"`);
    return inDialog(invoke) ? stillLoadingDialog(turn, what) : stillLoading(turn, what);
  };
  if (turn.signal.aborted) return late();
  // The role gate, as for chat commands and card verbs (dispatch.ts): refused before the handler runs.
  const need = roleOf(route.useCase);
  if (need !== 'reader') {
    const decision = await deps.security.roles.of(turn);
    if (!roleAllows(decision.roles, need)) {
      turn.log.warn({ need, role: describeGrants(decision.roles), invoke: invoke.kind }, 'refused: role too low');
      const text = await roleRefusalText(turn, what, need, decision, deps.config.mode);
      return inDialog(invoke) ? dialogMessage(text) : extensionMessage(text);
    }
  }
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<ExtensionReply>((resolve) => {
    onAbort = () => resolve(late());
    turn.signal.addEventListener('abort', onAbort, { once: true });
  });
  const work = route.run(turn, input, deps).catch((err: unknown) => failure(turn, invoke, what, err));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    if (onAbort) turn.signal.removeEventListener('abort', onAbort);
  }
}

const unknownCommand = (turn: Turn, invoke: ExtensionInvoke, commandId: string): ExtensionReply => {
  turn.log.warn({ invoke: invoke.kind, commandId: commandId.slice(0, 64) }, 'unknown message extension command');
  const text = 'This app does not have that command. Update the MMD Assist app in Teams, or use Search or "Create MMD ticket".';
  return inDialog(invoke) ? dialogMessage(text) : extensionMessage(text);
};

/** Finds the route of a message extension invoke and runs it. */
/** Whether the invoke's route calls MMD (so, with MMD_AUTH=user, needs the user signed in); false for an unknown command. */
export function extensionNeedsMmd(routes: ExtensionRoutes, invoke: ExtensionInvoke): boolean {
  switch (invoke.kind) {
    case 'query':
      return Object.hasOwn(routes.query, invoke.commandId) && routes.query[invoke.commandId]!.mmd;
    case 'fetchTask':
    case 'submitAction': {
      const command = Object.hasOwn(routes.action, invoke.commandId) ? routes.action[invoke.commandId] : undefined;
      return command !== undefined && (invoke.kind === 'fetchTask' ? command.open.mmd : command.submit.mmd);
    }
    case 'selectItem':
      return routes.selectItem.mmd;
    case 'queryLink':
      return routes.queryLink.mmd;
  }
}

export function runExtension(routes: ExtensionRoutes, turn: Turn, invoke: ExtensionInvoke, deps: BotDeps): Promise<ExtensionReply> {
  switch (invoke.kind) {
    case 'query': {
      const route = Object.hasOwn(routes.query, invoke.commandId) ? routes.query[invoke.commandId] : undefined;
      return route ? guarded(turn, invoke, route, invoke, deps) : Promise.resolve(unknownCommand(turn, invoke, invoke.commandId));
    }
    case 'fetchTask':
    case 'submitAction': {
      const command = Object.hasOwn(routes.action, invoke.commandId) ? routes.action[invoke.commandId] : undefined;
      if (!command) return Promise.resolve(unknownCommand(turn, invoke, invoke.commandId));
      return invoke.kind === 'fetchTask'
        ? guarded(turn, invoke, command.open, invoke, deps)
        : guarded(turn, invoke, command.submit, invoke, deps);
    }
    case 'selectItem':
      return guarded(turn, invoke, routes.selectItem, invoke, deps);
    case 'queryLink':
      return guarded(turn, invoke, routes.queryLink, invoke, deps);
  }
}
