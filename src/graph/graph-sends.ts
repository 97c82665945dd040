/**
 * The shared `send` (src/http) pointed at one Graph version: `v1.0` for reads and updates,
 * `beta` where documents 003/004 document the call (incident create, troubleshooting events).
 * Same retry and timeout options as createGraphClient.
 */
import { createSend, realSleep } from '../http/send';
import type { Send, Sleep } from '../http/request';
import { GRAPH_PROFILE, GRAPH_TRANSIENT_STATUSES } from './graph-api-error';
import type { Logger } from '../log/logger';
import type { TokenProvider } from '../http/token-provider';

export type GraphVersion = 'v1.0' | 'beta';

/** Options of createGraphClient and createGraphSecurityClient (defined here, below both, so neither imports the other). */
export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com; the sandbox emulator's Graph root in sandbox mode. */
  baseUrl: string;
  /** Client credentials for https://graph.microsoft.com/.default. */
  tokenProvider: TokenProvider;
  timeoutMs: number;
  /** Retries after the first attempt for 429/5xx, timeouts and network errors (default 2). */
  maxRetries?: number;
  sleep?: Sleep;
  random?: () => number;
  logger?: Logger;
}

export function graphSend(options: GraphClientOptions, version: GraphVersion): Send {
  return createSend({
    baseUrl: `${options.baseUrl.replace(/\/+$/, '')}/${version}/`,
    profile: GRAPH_PROFILE,
    tokenProvider: options.tokenProvider,
    timeoutMs: options.timeoutMs,
    retry: {
      maxRetries: options.maxRetries ?? 2,
      baseDelayMs: 200,
      maxDelayMs: 2_000,
      // A chat turn is waiting: a longer Retry-After is reported, not waited for.
      maxRetryAfterMs: 10_000,
      transientStatuses: GRAPH_TRANSIENT_STATUSES,
    },
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    logger: options.logger,
  });
}
