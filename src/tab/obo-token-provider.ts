/**
 * MMD_AUTH=user: MMD tokens obtained on behalf of the signed-in user from the tab's SSO token
 * (msal-node acquireTokenOnBehalfOf). One ConfidentialClientApplication for the process; MSAL
 * caches each user's token by the assertion, so a dashboard's burst of calls makes one exchange.
 */
import type { Logger } from '../log/logger';
import { scrubSecrets } from '../http/api-error';
import { createConfidentialClient, type TokenProvider } from '../http/token-provider';
import { TabError } from './tab-error';

export interface OboOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  authorityHost: string;
  /** Token endpoint override (the sandbox emulator); skips discovery as in token-provider.ts. */
  tokenEndpoint?: string;
  timeoutMs: number;
  logger?: Logger;
}

export interface OboTokens {
  /** A token provider for one user, from their SSO token. */
  forUser(ssoToken: string): TokenProvider;
}

export function createOboTokens(options: OboOptions): OboTokens {
  const app = createConfidentialClient(options);
  return {
    forUser(ssoToken) {
      return {
        async getToken(request = {}) {
          try {
            const result = await app.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes: [options.scope], skipCache: request.forceRefresh === true });
            if (!result?.accessToken) throw new Error('the token endpoint returned no access token');
            return result.accessToken;
          } catch (cause) {
            throw oboError(cause, options.logger);
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

/** What the user can do about a failed exchange, as a TabError the page understands. */
export function oboError(cause: unknown, logger?: Logger): TabError {
  const errorCode = field(cause, 'errorCode');
  const subError = field(cause, 'subError');
  const message = field(cause, 'errorMessage') || field(cause, 'message');
  logger?.warn({ errorCode, subError, message: scrubSecrets(message.split('\n')[0] ?? '') }, 'on-behalf-of token exchange failed');
  const says = (code: string): boolean => errorCode === code || subError === code;
  if (says('consent_required') || /AADSTS65001\b/.test(message)) {
    return new TabError(403, 'consent_required', 'Consent needed: ask your admin to grant MMD Assist access to the MMD API for your account.');
  }
  if (says('interaction_required') || says('login_required') || says('invalid_grant') || says('bad_token')) {
    return new TabError(401, 'interaction_required', 'Your sign-in could not be used for the MMD API: sign in to Teams again.');
  }
  return new TabError(502, 'mmd_error', 'The MMD API token could not be obtained; try again shortly.');
}
