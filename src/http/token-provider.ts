import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import type { AppConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { registerSecret } from '../log/secrets';
import { ApiError, scrubSecrets, type ApiProfile } from './api-error';
import { createFetchNetworkClient } from './msal-network-client';

export interface TokenProvider {
  /** A bearer token for one API. `forceRefresh` skips the cache (after a 401); `signal` stops the wait. */
  getToken(options?: { forceRefresh?: boolean; signal?: AbortSignal }): Promise<string>;
}

export interface MsalCredentialsOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Token endpoint override (sandbox emulator, tests); skips every discovery request. */
  tokenEndpoint?: string;
  timeoutMs: number;
  logger?: Logger;
  fetch?: typeof fetch;
}

/**
 * The one place the app registration's settings become MSAL options (client credentials, on
 * behalf of a user, the bot and the tab alike); `tokenEndpoint` is the sandbox emulator's.
 */
export function msalSettings(mmd: AppConfig['mmd'], parts: { tokenEndpoint?: string; logger?: Logger }): MsalCredentialsOptions {
  return {
    tenantId: mmd.tenantId,
    clientId: mmd.clientId,
    clientSecret: mmd.clientSecret,
    authorityHost: mmd.authorityHost,
    tokenEndpoint: parts.tokenEndpoint,
    timeoutMs: mmd.timeoutMs,
    logger: parts.logger,
  };
}

export interface MsalTokenProviderOptions extends MsalCredentialsOptions {
  scope: string;
  /** Which error class a failure is (default: the ApiError base; the auth layer rewords it per API). */
  profile?: ApiProfile;
}

/** One confidential client (one app registration), handing out a token provider per scope. */
export interface MsalCredentials {
  forScope(scope: string, profile?: ApiProfile): TokenProvider;
}

/** A held token is replaced this long before it expires. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/** AAD answers that will not change by trying again. */
const PERMANENT_TOKEN_ERRORS = /invalid_client|unauthorized_client|invalid_scope|invalid_request|invalid_grant|invalid_tenant/i;

/**
 * Client-credentials tokens through MSAL: one ConfidentialClientApplication per app
 * registration, a token provider per scope (MMD, Graph) sharing it.
 *
 * With `tokenEndpoint`, MSAL would otherwise fetch the openid-configuration and run instance
 * discovery on the internet; we hand it both instead: `authorityMetadata` (an openid-configuration
 * whose token_endpoint is the override) and `knownAuthorities` (the authority host is trusted as
 * is). The authority itself stays https as MSAL requires. Result: one POST to the token endpoint
 * and nothing else.
 */
/** The one MSAL confidential client set-up (authority, offline metadata, network, logging) for every grant. */
export function createConfidentialClient(options: MsalCredentialsOptions): ConfidentialClientApplication {
  const authority = `${options.authorityHost.replace(/\/+$/, '')}/${options.tenantId}`;
  registerSecret(options.clientSecret);
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
  return new ConfidentialClientApplication({
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
}

export function createMsalCredentials(options: MsalCredentialsOptions): MsalCredentials {
  const app = createConfidentialClient(options);

  return {
    forScope(scope, profile) {
      // The token is kept here until 5 minutes before it expires: asking MSAL's cache on every
      // call costs CPU on every API call. A 401 still forces a fresh one.
      let held: { token: string; refreshAt: number } | null = null;

      async function acquire(forceRefresh: boolean): Promise<string> {
        try {
          const result = await app.acquireTokenByClientCredential({ scopes: [scope], skipCache: forceRefresh });
          if (!result?.accessToken) throw new Error('the token endpoint returned no access token');
          // Scrubbed by value from logs and errors from now on, even if a service echoes it bare.
          registerSecret(result.accessToken);
          const expiresAt = result.expiresOn?.getTime();
          held = expiresAt === undefined ? null : { token: result.accessToken, refreshAt: expiresAt - REFRESH_BEFORE_EXPIRY_MS };
          return result.accessToken;
        } catch (cause) {
          throw tokenError(cause, options.clientSecret, profile);
        }
      }

      // Before a token is held, concurrent first calls (a busy chat right after start) would each
      // hit the token endpoint. They share one request instead.
      let inflight: Promise<string> | null = null;
      return {
        getToken(request = {}) {
          if (request.forceRefresh === true) held = null;
          if (held && Date.now() < held.refreshAt) return Promise.resolve(held.token);
          if (!inflight) {
            const pending = acquire(request.forceRefresh === true).finally(() => {
              if (inflight === pending) inflight = null;
            });
            inflight = pending;
          }
          return untilAborted(inflight, request.signal, profile);
        },
      };
    },
  };
}

/** A token provider for one scope (its own MSAL client); `createMsalCredentials` shares one across scopes. */
export function createMsalTokenProvider(options: MsalTokenProviderOptions): TokenProvider {
  return createMsalCredentials(options).forScope(options.scope, options.profile);
}

/** The shared request keeps going for the others; this caller stops waiting when its signal aborts. */
function untilAborted(token: Promise<string>, signal: AbortSignal | undefined, profile: ApiProfile | undefined): Promise<string> {
  if (!signal) return token;
  const stopped = (): ApiError => {
    const init = { status: 0, code: 'timeout', serviceMessage: null, method: 'POST', path: 'token', retryable: true };
    return profile ? profile.create(init) : new ApiError(init);
  };
  if (signal.aborted) return Promise.reject(stopped());
  return new Promise<string>((resolve, reject) => {
    const onAbort = (): void => reject(stopped());
    signal.addEventListener('abort', onAbort, { once: true });
    token.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function tokenError(cause: unknown, clientSecret: string, profile: ApiProfile | undefined): ApiError {
  const errorCode = cause && typeof cause === 'object' && 'errorCode' in cause ? String(cause.errorCode) : '';
  // Read by shape: an error from fetch (DOMException) may come from another realm than Error.
  const { name, message } = cause && typeof cause === 'object' ? (cause as { name?: unknown; message?: unknown }) : {};
  const raw = typeof message === 'string' ? message : String(cause);
  // First line only (AAD appends trace ids and timestamps), and never the secret even if echoed.
  let firstLine = raw.split('\n')[0] ?? '';
  if (clientSecret.length >= 4) firstLine = firstLine.split(clientSecret).join('[redacted]');
  const timedOut = name === 'TimeoutError' || /timeout|timed out/i.test(raw);
  const init = {
    status: 401,
    code: 'token_error',
    // MSAL's message already starts with the code ("invalid_client: AADSTS…"): said once, not twice.
    serviceMessage: [firstLine.startsWith(errorCode) ? '' : errorCode, timedOut ? 'token request timed out' : firstLine]
      .filter(Boolean)
      .join(': '),
    method: 'POST',
    path: 'token',
    retryable: !PERMANENT_TOKEN_ERRORS.test(`${errorCode} ${raw}`),
  };
  return profile ? profile.create(init) : new ApiError(init, (_init, m) => `Access token could not be obtained${m ? `: ${m}` : ''}`);
}
