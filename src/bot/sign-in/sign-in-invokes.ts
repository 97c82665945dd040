/**
 * The Teams sign-in invokes for MMD_AUTH=user (Bot Framework rules for Teams SSO):
 * - `signin/tokenExchange` {id, connectionName, token}: Teams' SSO token for the OAuth card's
 *   token exchange resource. Exchanged once per id (claimed in durable storage, so several Teams
 *   clients, retries and bot instances exchange it once): 200 when done, 412 with a
 *   TokenExchangeInvokeResponse when it could not be exchanged (Teams then shows the card's
 *   sign-in button), 409 while another request with the same id is still exchanging.
 * - `signin/verifyState` {state}: the magic code of a sign-in finished through the card's
 *   button; 200, or 404 when the token service knows no such sign-in.
 * - `signin/failure` {code, message}: Teams could not do SSO; a next-step card.
 * After a sign-in the command the user asked for before it runs.
 */
import { z } from 'zod';
import { claimExchange, finishExchange } from '../../state/sign-in-store';
import type { BotDeps } from '../deps';
import type { Reply } from '../reply';
import type { Turn } from '../turn';
import { askToSignIn, signInHelp } from './user-context';

export interface SignInAnswer {
  /** The invoke response's HTTP status and body. */
  status: number;
  body?: unknown;
  /** A message to send in the conversation as well (the command's result, or a next-step card). */
  reply?: Reply;
}

/** Runs the command kept from before the sign-in; undefined when there was none. */
export type RunPending = (turn: Turn) => Promise<Reply | undefined>;

const exchangeSchema = z.object({
  id: z.string().trim().min(1).max(500),
  connectionName: z.string().max(200).optional(),
  token: z.string().max(20_000).optional(),
});

const errInfo = (err: unknown) => ({ name: (err as Error)?.name, message: String((err as Error)?.message ?? err).slice(0, 200) });

export async function tokenExchange(turn: Turn, value: unknown, deps: BotDeps, runPending: RunPending): Promise<SignInAnswer> {
  const tokens = turn.userTokens;
  const parsed = exchangeSchema.safeParse(value);
  if (!tokens || !parsed.success) {
    turn.log.warn({ valid: parsed.success }, 'token exchange: nothing to exchange');
    return { status: 400 };
  }
  const { id } = parsed.data;
  const answer = (failureDetail?: string) => ({ id, connectionName: tokens.connectionName, ...(failureDetail ? { failureDetail } : {}) });
  const failed = (): SignInAnswer => ({
    status: 412,
    body: answer('The bot is unable to exchange the token. Proceed with regular sign-in.'),
    reply: signInHelp(turn, deps, 'exchange_failed'),
  });
  let claim;
  try {
    claim = await claimExchange(deps.storage, turn.conversationId, id, deps.now());
  } catch (err) {
    turn.log.error({ err: errInfo(err) }, 'token exchange: claim not stored; answered as failed');
    return failed();
  }
  if (!claim.claimed) {
    turn.log.info({ state: claim.state }, 'token exchange: duplicate id');
    if (claim.state === 'done') return { status: 200, body: answer() };
    if (claim.state === 'failed')
      return { status: 412, body: answer('The bot is unable to exchange the token. Proceed with regular sign-in.') };
    return { status: 409, body: answer('This token exchange is already being processed.') };
  }
  const token = parsed.data.token ? await tokens.exchange(parsed.data.token) : undefined;
  await finishExchange(deps.storage, turn.conversationId, id, token ? 'done' : 'failed', deps.now()).catch((err: unknown) =>
    turn.log.error({ err: errInfo(err) }, 'token exchange: outcome not stored'),
  );
  if (!token) {
    turn.log.warn({}, 'token exchange failed: answered 412, Teams falls back to the sign-in card');
    return failed();
  }
  turn.log.info({}, 'token exchange done: signed in');
  return { status: 200, body: answer(), reply: await runPending(turn) };
}

const verifySchema = z.object({ state: z.string().trim().min(1).max(200) });

export async function verifyState(turn: Turn, value: unknown, deps: BotDeps, runPending: RunPending): Promise<SignInAnswer> {
  const parsed = verifySchema.safeParse(value);
  if (!turn.userTokens || !parsed.success) return { status: 400 };
  let token: string | undefined;
  try {
    token = await turn.userTokens.get(parsed.data.state);
  } catch (err) {
    turn.log.warn({ err: errInfo(err) }, 'verify state: token service failed');
    return { status: 502, reply: signInHelp(turn, deps, 'unavailable') };
  }
  if (!token) return { status: 404, reply: signInHelp(turn, deps, 'sign_in_again') };
  turn.log.info({}, 'verify state: signed in');
  return { status: 200, reply: await runPending(turn) };
}

const failureSchema = z.object({ code: z.string().max(100).optional(), message: z.string().max(500).optional() });

export function signInFailure(turn: Turn, value: unknown, deps: BotDeps): SignInAnswer {
  const parsed = failureSchema.safeParse(value ?? {});
  const code = parsed.success ? parsed.data.code?.trim() : undefined;
  const message = parsed.success ? parsed.data.message?.trim() : undefined;
  turn.log.warn({ code: code?.slice(0, 100), message: message?.slice(0, 200) }, 'Teams reported a sign-in failure');
  const detail = [code, message].filter(Boolean).join(': ');
  return { status: 200, reply: signInHelp(turn, deps, 'signin_failure', detail || undefined) };
}

/** "Sign in again": forgets the user's token and sends a new sign-in card (the kept command stays). */
export async function startSignIn(turn: Turn, _data: unknown, deps: BotDeps): Promise<Reply> {
  await turn.userTokens?.signOut().catch((err: unknown) => turn.log.warn({ err: errInfo(err) }, 'sign out failed'));
  return askToSignIn(turn, deps, undefined);
}
