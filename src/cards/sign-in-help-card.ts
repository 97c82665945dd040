import { execute } from './card-action';
import { plain, words } from './escape';
import { renderCard, type AdaptiveCard } from './render';

/**
 * Why signing in for MMD_AUTH=user did not work, in the terms of what to do next:
 * - `consent_required`: the app registration's MMD permission lacks consent: an admin grants it.
 * - `sign_in_again`: the sign-in cannot be used (expired, revoked, MFA): sign in again.
 * - `exchange_failed`: Teams' single sign-on could not be completed silently (412).
 * - `signin_failure`: Teams reported a sign-in failure (signin/failure invoke).
 * - `unavailable`: the token service could not be reached.
 */
export type SignInProblem = 'consent_required' | 'sign_in_again' | 'exchange_failed' | 'signin_failure' | 'unavailable';

export interface SignInHelpInput {
  problem: SignInProblem;
  /** The tenant's admin consent link for the app registration (shown for consent_required). */
  consentUrl?: string;
  /** Teams' own failure code and message (signin/failure), plain text. */
  detail?: string;
  correlationId: string;
}

const WORDS: Record<SignInProblem, { headline: string; explanation: string; nextStep: string }> = {
  consent_required: {
    headline: 'MMD Assist needs consent to use the MMD API for you.',
    explanation:
      'You are signed in, but your organisation has not yet allowed MMD Assist to call the Microsoft Managed Desktop API on your behalf, so nothing was done.',
    nextStep:
      'Ask your admin to grant consent (the button below opens the admin consent page; a Global or Privileged Role Administrator can accept it), then sign in again.',
  },
  sign_in_again: {
    headline: 'Please sign in again.',
    explanation:
      'Your sign-in could not be used for the MMD API (it may have expired, or your organisation needs you to sign in again), so nothing was done.',
    nextStep: 'Press **Sign in again**; the command you asked for runs once you are signed in.',
  },
  exchange_failed: {
    headline: 'Single sign-on did not finish.',
    explanation: 'Teams could not sign you in to MMD Assist without asking, so nothing was done yet.',
    nextStep:
      "Press **Sign in** on the sign-in card (or **Sign in again** below) and follow the prompts; the command you asked for runs once you are signed in. If it keeps failing, ask your admin to check the bot's OAuth connection.",
  },
  signin_failure: {
    headline: 'Teams could not sign you in to MMD Assist.',
    explanation: 'Teams reported a problem with single sign-on, so nothing was done.',
    nextStep:
      "Press **Sign in again**. If it keeps failing, ask your admin: the app registration's Application ID URI must match the app package, and the app must be installed for you.",
  },
  unavailable: {
    headline: 'Sign-in is not available right now.',
    explanation: 'The Bot Framework token service did not answer, so I could not check whether you are signed in. Nothing was done.',
    nextStep: 'Try again in a minute.',
  },
};

/** The card that tells a user what to do after a failed sign-in or token exchange. */
export function signInHelpCard({ problem, consentUrl, detail, correlationId }: SignInHelpInput): AdaptiveCard {
  const said = WORDS[problem];
  const actions: unknown[] = [];
  if (problem === 'consent_required' && consentUrl) actions.push({ type: 'Action.OpenUrl', title: 'Admin consent page', url: consentUrl });
  if (problem !== 'unavailable') actions.push(execute('Sign in again', 'signIn.start', {}));
  return renderCard('sign-in-help', {
    headline: words(said.headline),
    explanation: words(said.explanation),
    nextStep: words(said.nextStep),
    detail: detail?.trim() ? plain(detail.slice(0, 300), '') : '',
    correlationId: plain(correlationId, 'none'),
    actions,
  });
}
