/**
 * MMD_AUTH=user: MMD tokens obtained on behalf of the signed-in user from the tab's SSO token
 * (src/http/on-behalf-of.ts), with failures worded as TabErrors the page understands.
 */
import type { Logger } from '../log/logger';
import { createOnBehalfOf, onBehalfOfError } from '../http/on-behalf-of';
import type { MsalCredentialsOptions, TokenProvider } from '../http/token-provider';
import { TabError } from './tab-error';

export interface OboOptions extends MsalCredentialsOptions {
  scope: string;
}

export interface OboTokens {
  /** A token provider for one user, from their SSO token. */
  forUser(ssoToken: string): TokenProvider;
}

export function createOboTokens(options: OboOptions): OboTokens {
  const obo = createOnBehalfOf(options);
  return {
    forUser(ssoToken) {
      const provider = obo.forAssertion(ssoToken);
      return {
        async getToken(request) {
          try {
            return await provider.getToken(request);
          } catch (cause) {
            throw oboError(cause, options.logger);
          }
        },
      };
    },
  };
}

/** What the user can do about a failed exchange, as a TabError the page understands. */
function oboError(cause: unknown, logger?: Logger): TabError {
  switch (onBehalfOfError(cause, logger).failure) {
    case 'consent_required':
      return new TabError(
        403,
        'consent_required',
        'Consent needed: ask your admin to grant MMD Assist access to the MMD API for your account.',
      );
    case 'interaction_required':
      return new TabError(401, 'interaction_required', 'Your sign-in could not be used for the MMD API: sign in to Teams again.');
    case 'failed':
      return new TabError(502, 'mmd_error', 'The MMD API token could not be obtained; try again shortly.');
  }
}
