import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import type { Logger } from '../log/logger';
import { registerSecret } from '../log/secrets';
import { MmdApiError, scrubSecrets } from './mmd-api-error';
import { createFetchNetworkClient } from './msal-network-client';

export interface TokenProvider {
  /** A bearer token for the MMD API. `forceRefresh` skips the cache (after a 401). */
  getToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

export interface MsalTokenProviderOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Token endpoint override (sandbox emulator, tests); skips every discovery request. */
  tokenEndpoint?: string;
  timeoutMs: number;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** AAD answers that will not change by trying again. */
const PERMANENT_TOKEN_ERRORS = /invalid_client|unauthorized_client|invalid_scope|invalid_request|invalid_grant|invalid_tenant/i;

/**
 * Client-credentials tokens through MSAL, which caches them and refreshes before expiry.
 *
 * With `tokenEndpoint`, MSAL would otherwise fetch the openid-configuration and run instance
 * discovery on the internet; we hand it both instead: `authorityMetadata` (an openid-configuration
 * whose token_endpoint is the override) and `knownAuthorities` (the authority host is trusted as
 * is). The authority itself stays https as MSAL requires. Result: one POST to the token endpoint
 * and nothing else.
 */
export function createMsalTokenProvider(options: MsalTokenProviderOptions): TokenProvider {
  registerSecret(options.clientSecret);
  const authority = `${options.authorityHost.replace(/\/+$/, '')}/${options.tenantId}`;
  const auth: Configuration['auth'] = { clientId: options.clientId, clientSecret: options.clientSecret, authority };
  if (options.tokenEndpoint) {
    auth.knownAuthorities = [new URL(authority).host];
    auth.authorityMetadata = JSON.stringify({
      token_endpoint: options.tokenEndpoint,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    });
  }
  const app = new ConfidentialClientApplication({
    auth,
    system: {
      networkClient: createFetchNetworkClient({ timeoutMs: options.timeoutMs, fetch: options.fetch ?? fetch }),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => {
          if (level <= LogLevel.Warning) options.logger?.warn({ source: 'msal' }, scrubSecrets(message));
        },
      },
    },
  });

  async function acquire(forceRefresh: boolean): Promise<string> {
    try {
      const result = await app.acquireTokenByClientCredential({ scopes: [options.scope], skipCache: forceRefresh });
      if (!result?.accessToken) throw new Error('the token endpoint returned no access token');
      // Scrubbed by value from logs and errors from now on, even if a service echoes it bare.
      registerSecret(result.accessToken);
      return result.accessToken;
    } catch (cause) {
      throw tokenError(cause, options.clientSecret);
    }
  }

  // MSAL's cache answers once a token is there; before that, concurrent first calls (a busy
  // chat right after start) would each hit the token endpoint. They share one request instead.
  let inflight: Promise<string> | null = null;
  return {
    getToken(request = {}) {
      if (inflight) return inflight;
      const pending = acquire(request.forceRefresh === true).finally(() => {
        if (inflight === pending) inflight = null;
      });
      inflight = pending;
      return pending;
    },
  };
}

function tokenError(cause: unknown, clientSecret: string): MmdApiError {
  const errorCode = cause && typeof cause === 'object' && 'errorCode' in cause ? String(cause.errorCode) : '';
  // Read by shape: an error from fetch (DOMException) may come from another realm than Error.
  const { name, message } = cause && typeof cause === 'object' ? (cause as { name?: unknown; message?: unknown }) : {};
  const raw = typeof message === 'string' ? message : String(cause);
  // First line only (AAD appends trace ids and timestamps), and never the secret even if echoed.
  let firstLine = raw.split('\n')[0] ?? '';
  if (clientSecret.length >= 4) firstLine = firstLine.split(clientSecret).join('[redacted]');
  const timedOut = name === 'TimeoutError' || /timeout|timed out/i.test(raw);
  return new MmdApiError({
    status: 401,
    code: 'token_error',
    serviceMessage: [errorCode, timedOut ? 'token request timed out' : firstLine].filter(Boolean).join(': '),
    method: 'POST',
    path: 'token',
    retryable: !PERMANENT_TOKEN_ERRORS.test(`${errorCode} ${raw}`),
  });
}
