import { setTimeout as wait } from 'node:timers/promises';
import type { Logger } from '../log/logger';
import type { ApiProfile } from './api-error';
import { authLayer } from './layers/auth-layer';
import { retryLayer } from './layers/retry-layer';
import { timeoutLayer } from './layers/timeout-layer';
import { telemetryLayer } from './layers/telemetry-layer';
import type { Layer, Send, Sleep } from './request';
import type { RetryPolicyOptions } from './retry-policy';
import type { TokenProvider } from './token-provider';
import { createTransport } from './transport';

export interface SendOptions {
  /** The API root, ending in '/'. */
  baseUrl: string;
  /** How this API's errors are classed and worded (MmdApiError, GraphApiError). */
  profile: ApiProfile;
  tokenProvider: TokenProvider;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries, back-off and which statuses are transient; see retry-policy.ts. */
  retry: Omit<RetryPolicyOptions, 'random'>;
  sleep: Sleep;
  random: () => number;
  logger?: Logger;
}

// A stop or a deadline ends the wait at once: no timer is left to hold the shutdown.
export const realSleep: Sleep = (ms, signal) => wait(ms, undefined, { signal }).catch(() => undefined);

/**
 * The single `send` every outbound API uses (MMD, Graph), each with its own options. Outermost
 * first: retry (back-off, Retry-After, the non-idempotent rule, the caller's deadline), auth
 * (bearer token, one refresh on 401), timeout per attempt, a telemetry span per attempt, then the transport.
 */
export function createSend(options: SendOptions): Send {
  if (!options.baseUrl.endsWith('/')) throw new TypeError(`${options.profile.service} baseUrl must end with "/"`);
  const layers: Layer[] = [
    retryLayer({ profile: options.profile, policy: options.retry, sleep: options.sleep, random: options.random, logger: options.logger }),
    authLayer({ tokenProvider: options.tokenProvider, profile: options.profile, logger: options.logger }),
    timeoutLayer({ timeoutMs: options.timeoutMs }),
    telemetryLayer(options.profile.service),
  ];
  const transport = createTransport({ baseUrl: options.baseUrl, profile: options.profile });
  return layers.reduceRight<Send>((next, layer) => layer(next), transport);
}
