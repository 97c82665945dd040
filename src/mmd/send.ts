import type { Logger } from '../log/logger';
import { authLayer } from './layers/auth-layer';
import { retryLayer } from './layers/retry-layer';
import { timeoutLayer } from './layers/timeout-layer';
import type { TokenProvider } from './token-provider';
import { createTransport } from './transport';

export type HttpMethod = 'GET' | 'POST' | 'PATCH';

export type QueryValue = string | number | boolean | undefined;

/** One logical call to the MMD API; the layers may turn it into several HTTP attempts. */
export interface SendRequest {
  method: HttpMethod;
  /** Below the API root, segments already encoded (see `segment()` and `key()`). */
  path: string;
  query?: Record<string, QueryValue>;
  /** An absolute URL the service handed us (@odata.nextLink); must lie under the API root. */
  url?: string;
  body?: unknown;
  /** May it be repeated after an ambiguous failure? Default: true for GET, false otherwise. */
  idempotent?: boolean;
  /** Sentence for the outcome_unknown error, e.g. "the ticket may or may not have been created". */
  unknownOutcome?: string;
  /** Set by the layers (Authorization, client-request-id); never copied into errors or logs. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface SendResponse {
  status: number;
  /** Parsed JSON, or null for an empty body (204). */
  body: unknown;
  headers: Headers;
}

export type Send = (request: SendRequest) => Promise<SendResponse>;

/** A cross-cutting concern wrapped around `send` once (octokit-style hook). */
export type Layer = (next: Send) => Send;

export interface SendOptions {
  baseUrl: string;
  tokenProvider: TokenProvider;
  timeoutMs: number;
  maxRetries: number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  logger?: Logger;
}

/**
 * The single `send` every resource uses. Outermost first: retry (with back-off, Retry-After and
 * the non-idempotent rule), auth (bearer token, one refresh on 401), timeout per attempt, then
 * the fetch transport.
 */
export function createSend(options: SendOptions): Send {
  const layers: Layer[] = [
    retryLayer({ maxRetries: options.maxRetries, sleep: options.sleep, random: options.random, logger: options.logger }),
    authLayer({ tokenProvider: options.tokenProvider, logger: options.logger }),
    timeoutLayer({ timeoutMs: options.timeoutMs }),
  ];
  const transport = createTransport({ baseUrl: options.baseUrl, fetch: options.fetch });
  return layers.reduceRight<Send>((next, layer) => layer(next), transport);
}
