import type { Logger } from '../log/logger';
import { MmdApiError } from '../mmd/mmd-api-error';
import { parseRetryAfter } from '../mmd/retry-policy';
import type { TokenProvider } from '../mmd/token-provider';
import { GraphApiError } from './graph-api-error';

export interface GraphRequest {
  method: 'GET' | 'POST';
  /** Below the Graph root, segments already encoded: `/v1.0/users/{id}/checkMemberGroups`. */
  path: string;
  body?: unknown;
}

export type GraphSend = (request: GraphRequest) => Promise<unknown>;

export interface GraphSendOptions {
  /** e.g. https://graph.microsoft.com (no trailing slash). */
  baseUrl: string;
  tokenProvider: TokenProvider;
  timeoutMs: number;
  /** Retries after the first attempt for 429/5xx, timeouts and network errors (default 2). */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited for (default 10 s): the caller is in a chat turn. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

const TRANSIENT = new Set([429, 500, 502, 503, 504]);

/**
 * The one `send` of the Graph client: bearer token (one refresh after a 401), a timeout per
 * attempt, a few retries with growing back-off honouring Retry-After. The only call we make
 * (checkMemberGroups) is a read, so a POST may be repeated. Failures are GraphApiError.
 */
export function createGraphSend(options: GraphSendOptions): GraphSend {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 2;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;

  async function token(forceRefresh: boolean, request: GraphRequest): Promise<string> {
    try {
      return await options.tokenProvider.getToken({ forceRefresh });
    } catch (cause) {
      const message = cause instanceof MmdApiError ? cause.serviceMessage : null;
      const retryable = cause instanceof MmdApiError ? cause.retryable : false;
      throw new GraphApiError({ status: 0, code: 'token_error', serviceMessage: message, method: request.method, path: request.path, retryable });
    }
  }

  async function attempt(request: GraphRequest, forceRefresh: boolean): Promise<unknown> {
    const bearer = await token(forceRefresh, request);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${options.baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${bearer}`,
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      const name = cause && typeof cause === 'object' ? (cause as { name?: unknown }).name : undefined;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      throw new GraphApiError({
        status: 0,
        code: timedOut ? 'timeout' : 'network',
        serviceMessage: null,
        method: request.method,
        path: request.path,
        retryable: true,
      });
    }
    const correlationId = response.headers.get('request-id')?.slice(0, 100) ?? undefined;
    if (!response.ok) {
      const error = serviceError(text);
      throw new GraphApiError({
        status: response.status,
        code: error.code ?? 'http_error',
        serviceMessage: error.message,
        method: request.method,
        path: request.path,
        retryable: TRANSIENT.has(response.status),
        correlationId,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      });
    }
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new GraphApiError({
        status: response.status,
        code: 'invalid_response',
        serviceMessage: null,
        method: request.method,
        path: request.path,
        retryable: false,
        correlationId,
      });
    }
  }

  return async (request) => {
    let refreshed = false;
    for (let retry = 0; ; ) {
      try {
        return await attempt(request, refreshed);
      } catch (error) {
        if (!(error instanceof GraphApiError)) throw error;
        // An expired or revoked token: one fresh token, then the answer stands.
        if (error.status === 401 && !refreshed) {
          refreshed = true;
          continue;
        }
        if (!error.retryable || error.code === 'token_error' || retry >= maxRetries) throw error;
        if (error.retryAfterMs !== null && error.retryAfterMs > maxRetryAfterMs) throw error;
        const backOff = error.retryAfterMs ?? 200 * 2 ** retry;
        retry += 1;
        options.logger?.debug({ err: error.toJSON(), retry }, 'graph call failed; retrying');
        await sleep(backOff);
      }
    }
  };
}

/** Graph's `{"error":{"code":"...","message":"..."}}`, else nothing (never the raw body). */
function serviceError(text: string): { code: string | null; message: string | null } {
  try {
    const body: unknown = JSON.parse(text);
    const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
    if (error && typeof error === 'object') {
      const { code, message } = error as { code?: unknown; message?: unknown };
      return { code: typeof code === 'string' ? code : null, message: typeof message === 'string' ? message : null };
    }
  } catch {
    // not JSON
  }
  return { code: null, message: null };
}
