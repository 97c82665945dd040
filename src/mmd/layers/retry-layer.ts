import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log/logger';
import { MmdApiError } from '../mmd-api-error';
import { DEFAULT_RETRY_POLICY, decideRetry } from '../retry-policy';
import type { Layer } from '../send';

export interface RetryLayerOptions {
  maxRetries: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  logger?: Logger;
}

/**
 * Repeats transient failures per `decideRetry` (back-off with full jitter, Retry-After, and no
 * blind repeat of non-idempotent calls). Every attempt of one call carries the same
 * `client-request-id`, so the service's logs and our error card name the same call.
 */
export function retryLayer(options: RetryLayerOptions): Layer {
  const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: options.maxRetries, random: options.random };
  return (next) => async (request) => {
    const idempotent = request.idempotent ?? request.method === 'GET';
    const call = { idempotent, unknownOutcome: request.unknownOutcome };
    const headers = { 'client-request-id': randomUUID(), ...request.headers };
    for (let retriesDone = 0; ; retriesDone += 1) {
      try {
        return await next({ ...request, headers });
      } catch (error) {
        if (!(error instanceof MmdApiError)) throw error;
        const decision = decideRetry(error, retriesDone, call, policy);
        if (!decision.retry) throw decision.error;
        options.logger?.warn(
          { method: request.method, path: error.path, status: error.status, code: error.code, retry: retriesDone + 1, delayMs: decision.delayMs, correlationId: error.correlationId },
          'MMD call failed; retrying',
        );
        await options.sleep(decision.delayMs);
      }
    }
  };
}
