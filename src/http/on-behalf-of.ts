/**
 * Tokens obtained on behalf of a signed-in user (msal-node acquireTokenOnBehalfOf): the user's
 * token for this app (the tab's SSO token, or the bot's OAuth connection token) is exchanged for
 * one scoped to a downstream API (MMD). One ConfidentialClientApplication per process; MSAL
 * caches each result by the assertion, so a burst of calls makes one exchange.
 */
import type { Logger } from '../log/logger';
import { registerSecret } from '../log/secrets';
import { scrubSecrets } from './api-error';
import { createConfidentialClient, type MsalCredentialsOptions, type TokenProvider } from './token-provider';

export interface OnBehalfOfOptions extends MsalCredentialsOptions {
  scope: string;
}

/** Why an exchange failed, in the terms of what the user can do about it. */
export type OboFailure =
  /** The user (or an admin for the tenant) has not consented to the downstream permission. */
  | 'consent_required'
  /** The assertion cannot be used (expired, revoked, MFA needed): sign in again. */
  | 'interaction_required'
  /** Anything else (the identity platform is unreachable, misconfiguration). */
  | 'failed';

export class OnBehalfOfError extends Error {
  override readonly name = 'OnBehalfOfError';
  constructor(
    readonly failure: OboFailure,
    /** The identity platform's error code (AADSTS text stays in the log). */
    readonly errorCode: string,
  ) {
    super(`on-behalf-of token exchange failed: ${failure}${errorCode ? ` (${errorCode})` : ''}`);
  }
}

export interface OnBehalfOf {
  /** A token provider for the user who holds `assertion`. */
  forAssertion(assertion: string): TokenProvider;
}

export function createOnBehalfOf(options: OnBehalfOfOptions): OnBehalfOf {
  const app = createConfidentialClient(options);
  return {
    forAssertion(assertion) {
      return {
        async getToken(request = {}) {
          try {
            const result = await app.acquireTokenOnBehalfOf({
              oboAssertion: assertion,
              scopes: [options.scope],
              skipCache: request.forceRefresh === true,
            });
            if (!result?.accessToken) throw new Error('the token endpoint returned no access token');
            registerSecret(result.accessToken);
            return result.accessToken;
          } catch (cause) {
            throw onBehalfOfError(cause, options.logger);
          }
        },
      };
    },
  };
}

function field(cause: unknown, name: string): string {
  const value: unknown = cause && typeof cause === 'object' && name in cause ? (cause as Record<string, unknown>)[name] : undefined;
  // MSAL's fields are strings (a code may arrive as a number); anything else says nothing useful.
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Classifies an MSAL failure (logged once, scrubbed) as an OnBehalfOfError. */
export function onBehalfOfError(cause: unknown, logger?: Logger): OnBehalfOfError {
  if (cause instanceof OnBehalfOfError) return cause;
  const errorCode = field(cause, 'errorCode');
  const subError = field(cause, 'subError');
  const message = field(cause, 'errorMessage') || field(cause, 'message');
  logger?.warn({ errorCode, subError, message: scrubSecrets(message.split('\n')[0] ?? '') }, 'on-behalf-of token exchange failed');
  const says = (code: string): boolean => errorCode === code || subError === code;
  if (says('consent_required') || /AADSTS65001\b/.test(message)) return new OnBehalfOfError('consent_required', errorCode);
  if (says('interaction_required') || says('login_required') || says('invalid_grant') || says('bad_token')) {
    return new OnBehalfOfError('interaction_required', errorCode);
  }
  return new OnBehalfOfError('failed', errorCode);
}
