/**
 * MMD_AUTH=user in the bot: each turn's MMD calls carry a token obtained on behalf of the sender
 * (their OAuth connection token, from Teams SSO, exchanged with msal-node acquireTokenOnBehalfOf
 * for the MMD scope), so the MMD service records the real user. The MMD client is the app's own
 * client with a different token provider.
 */
import { signInHelpCard, type SignInProblem } from '../../cards/sign-in-help-card';
import { OnBehalfOfError } from '../../http/on-behalf-of';
import { savePending, type PendingCommand } from '../../state/sign-in-store';
import type { BotDeps } from '../deps';
import { card, text, type Reply } from '../reply';
import type { Turn } from '../turn';

const SIGN_IN_TEXT =
  'Sign in to MMD Assist so the MMD service records your own name on what you do. I will run your request once you are signed in.';

/** The next-step card for a sign-in problem, as a reply. */
export function signInHelp(turn: Turn, deps: BotDeps, problem: SignInProblem, detail?: string): Reply {
  return card(signInHelpCard({ problem, consentUrl: deps.userContext?.consentUrl, detail, correlationId: turn.correlationId }));
}

/** Sends Teams' sign-in card and keeps the command to run after sign-in. */
export async function askToSignIn(turn: Turn, deps: BotDeps, pending: PendingCommand | undefined): Promise<Reply> {
  if (!turn.userTokens) return text('Signing in is not possible here. Open your chat with MMD Assist in Teams to sign in.');
  if (pending) await savePending(deps.storage, turn.conversationId, turn.user.id, pending, deps.now());
  try {
    await turn.userTokens.sendSignInCard(SIGN_IN_TEXT);
  } catch (err) {
    turn.log.warn({ err }, 'sign-in card not sent: token service failed');
    return signInHelp(turn, deps, 'unavailable');
  }
  turn.log.info({ pending: pending?.kind }, 'sign-in card sent');
  // A message turn has its answer (the sign-in card); a card button needs one of its own.
  return turn.kind === 'invoke'
    ? text('Sign in first: use the sign-in card I just sent. Your action runs once you are signed in.')
    : { kind: 'done' };
}

/**
 * The deps for this turn: with MMD_AUTH=user, `mmd` speaks for the sender. When the sender is
 * not signed in, or their token cannot be exchanged for MMD, the answer is the sign-in card or a
 * next-step card instead, and nothing runs.
 */
export async function depsForTurn(
  turn: Turn,
  deps: BotDeps,
  pending: PendingCommand | undefined,
): Promise<{ deps: BotDeps } | { reply: Reply }> {
  const context = deps.userContext;
  if (!context) return { deps };
  if (!turn.userTokens) return { reply: text('Signing in is not possible here. Open your chat with MMD Assist in Teams to sign in.') };
  let userToken: string | undefined;
  try {
    userToken = await turn.userTokens.get();
  } catch (err) {
    turn.log.warn({ err }, 'user token not read: token service failed');
    return { reply: signInHelp(turn, deps, 'unavailable') };
  }
  if (!userToken) return { reply: await askToSignIn(turn, deps, pending) };
  const provider = context.obo.forAssertion(userToken);
  try {
    // Exchanged now, so a refusal is a next-step card before anything runs; MSAL keeps the result for the calls that follow.
    await provider.getToken({ signal: turn.signal });
  } catch (err) {
    if (!(err instanceof OnBehalfOfError)) throw err;
    if (err.failure === 'consent_required') {
      if (pending) await savePending(deps.storage, turn.conversationId, turn.user.id, pending, deps.now());
      return { reply: signInHelp(turn, deps, 'consent_required') };
    }
    if (err.failure === 'interaction_required') {
      // The stored token is of no use: forget it, so the next try signs in afresh.
      await turn.userTokens.signOut().catch(() => undefined);
      if (pending) await savePending(deps.storage, turn.conversationId, turn.user.id, pending, deps.now());
      return { reply: signInHelp(turn, deps, 'sign_in_again') };
    }
    return { reply: signInHelp(turn, deps, 'unavailable') };
  }
  return { deps: { ...deps, mmd: context.mmdClient(provider) } };
}
