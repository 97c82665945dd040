import { errorCard } from '../cards/error-card';
import { credentialsCard } from '../cards/credentials-card';
import { telemetry } from '../telemetry/telemetry';
import type { IntentKind, IntentOf } from '../intents/intent';
import { parseIntent } from '../intents/parse-intent';
import { ApiError } from '../http/api-error';
import type { BotDeps } from './deps';
import { card, text, type Reply } from './reply';
import type { Role } from '../config/roles';
import { describeGrants, roleAllows } from '../config/roles';
import { roleRefusal } from './security/role-refusal';
import { helpFor } from './handlers/help';
import type { IntentRoutes, Routes } from './route';
import { roleOf } from './use-cases';
import type { Turn } from './turn';
import { VERBS, type Verb, type VerbData } from '../protocol/verbs';

/**
 * Runs a handler and turns failures into answers: an API error becomes the error card (what
 * failed, whether retrying may help, the correlation id); anything else is logged and answered
 * with the same card without internals. Nothing a handler throws reaches the user raw.
 */
async function guarded(turn: Turn, what: string, run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (err) {
    // The bot's own credentials refused: only its administrator can fix that (src/health logs how).
    const noCredentials = err instanceof ApiError && err.code === 'token_error' && !err.retryable;
    telemetry().annotate({ outcome: noCredentials ? 'credentials' : err instanceof ApiError ? 'api_error' : 'error' });
    // MMD and Graph alike: the service's words, whether to retry, the reference.
    if (err instanceof ApiError) {
      if (noCredentials) {
        turn.log.warn({ err }, `${what} failed: no ${err.service} token`);
        return card(credentialsCard(err.service, turn.correlationId));
      }
      turn.log.warn({ err }, `${what} failed`);
      return card(
        errorCard({ what, message: err.serviceMessage ?? undefined, retryable: err.retryable, correlationId: turn.correlationId }),
      );
    }
    turn.log.error({ err }, `${what} failed unexpectedly`);
    return card(errorCard({ what, retryable: true, correlationId: turn.correlationId }));
  }
}

/**
 * The role gate: a route above the reader role runs only for a sender with at least its role.
 * Refused before the handler runs, so nothing is fetched or changed; the refusal is logged.
 */
async function permitted(
  turn: Turn,
  need: Role,
  what: string,
  deps: BotDeps,
  refused?: (checkFailed: boolean) => Promise<void>,
): Promise<Reply | undefined> {
  if (need === 'reader') return undefined;
  const decision = await deps.security.roles.of(turn);
  const roles = describeGrants(decision.roles);
  telemetry().annotate({ role: roles });
  if (roleAllows(decision.roles, need)) return undefined;
  telemetry().annotate({ outcome: 'refused' });
  turn.log.warn({ need, role: roles, checkFailed: decision.checkFailed, what }, 'refused: role too low');
  await refused?.(decision.checkFailed);
  return roleRefusal(turn, what, need, decision, deps.config.mode);
}

export function runIntent<K extends Exclude<IntentKind, 'unknown'>>(
  routes: IntentRoutes,
  turn: Turn,
  kind: K,
  intent: IntentOf<K>,
  deps: BotDeps,
): Promise<Reply> {
  const route = routes[kind];
  const what = route.what(intent);
  telemetry().annotate({ intent: kind });
  return guarded(turn, what, async () => (await permitted(turn, roleOf(route.useCase), what, deps)) ?? route.run(turn, intent, deps));
}

export type VerbOutcome = { ok: true; reply: Reply } | { ok: false; problem: string };

/**
 * Validates untrusted card data against the verb's schema before any handler sees it. A
 * tampered or unknown submit changes nothing and gets a clear answer.
 */
export async function runVerb<V extends Verb>(routes: Routes, turn: Turn, verb: V, data: unknown, deps: BotDeps): Promise<VerbOutcome> {
  const parsed = VERBS[verb].safeParse(data ?? {});
  telemetry().annotate({ verb });
  if (!parsed.success) {
    telemetry().annotate({ outcome: 'invalid' });
    turn.log.warn({ verb, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'card data rejected');
    return { ok: false, problem: 'That card action carried data I cannot accept, so nothing was changed.' };
  }
  if (verb === 'command') return { ok: true, reply: await runCommand(routes.intents, turn, parsed.data as VerbData<'command'>, deps) };
  const route = routes.verbs[verb as Exclude<V, 'command'>];
  const value = parsed.data as Parameters<typeof route.run>[1];
  const what = route.what(value);
  return {
    ok: true,
    reply: await guarded(turn, what, async () => {
      const refused = route.refused && ((checkFailed: boolean) => route.refused!(turn, value, deps, checkFailed));
      return (await permitted(turn, roleOf(route.useCase), what, deps, refused)) ?? route.run(turn, value, deps);
    }),
  };
}

/** The `command` verb (help and welcome buttons): the chat command, as if typed. */
async function runCommand(intents: IntentRoutes, turn: Turn, data: VerbData<'command'>, deps: BotDeps): Promise<Reply> {
  const intent = parseIntent(data.text);
  if (intent.kind === 'unknown') return text('That button asked for something I do not know.');
  const reply = await runIntent(intents, turn, intent.kind, intent, deps);
  // Help's Try (Action.Execute): the answer is a new message and the help card stays in place.
  // A `done` reply was already delivered by its handler (e.g. the elevation card, sent on its own).
  if (data.keep === 'help' && turn.kind === 'invoke' && turn.send) {
    if (reply.kind !== 'done') await turn.send(reply);
    return card(await helpFor(turn, deps, intents));
  }
  return reply;
}
