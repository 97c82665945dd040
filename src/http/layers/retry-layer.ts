import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log/logger';
import { isApiError, type ApiError, type ApiProfile } from '../api-error';
import { remainingMs } from '../deadline';
import type { Layer, Sleep } from '../request';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicyOptions } from '../retry-policy';

export interface RetryLayerOptions {
  profile: ApiProfile;
  policy: Omit<RetryPolicyOptions, 'random'>;
  sleep: Sleep;
  random: () => number;
  logger?: Logger;
}

/** The caller's deadline came first: what the user is told, keeping status and Retry-After. */
function deadlineError<E extends ApiError>(error: E): E {
  const sentence = `The ${error.service} service did not answer in time.`;
  return error.with({
    code: 'deadline',
    retryable: true,
    serviceMessage: sentence,
    message: `${error.service} ${error.method} ${error.path}: ${sentence} Stopped at the caller's deadline (last: ${error.code}).`,
  });
}

/**
 * Repeats transient failures per `decideRetry` (back-off with full jitter, Retry-After, and no
 * blind repeat of non-idempotent calls). Every attempt of one call carries the same
 * `client-request-id`, so the service's logs and our error card name the same call. With a
 * deadline on the request's signal, a wait that would outlast it is not started: the call fails
 * at once with code `deadline` (an answer in time beats a late success the user no longer sees).
 */
export function retryLayer(options: RetryLayerOptions): Layer {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy, random: options.random };
  const { profile } = options;
  return (next) => async (request) => {
    const idempotent = request.idempotent ?? request.method === 'GET';
    const call = { idempotent, unknownOutcome: request.unknownOutcome };
    const headers = { 'client-request-id': randomUUID(), ...request.headers };
    const signal = request.signal;
    for (let retriesDone = 0; ; retriesDone += 1) {
      try {
        return await next({ ...request, headers });
      } catch (caught) {
        if (!isApiError(caught) || !profile.owns(caught)) throw caught;
        const error = caught;
        const decision = decideRetry(error, retriesDone, call, policy);
        if (signal?.aborted) {
          // The attempt was cut by the caller's deadline. A write that may have arrived stays
          // outcome_unknown; anything else says "no answer in time".
          const stopped = decision.retry ? error : decision.error;
          const cut = error.code === 'timeout' || error.code === 'network';
          throw stopped.code === 'outcome_unknown' || (!decision.retry && !cut) ? stopped : deadlineError(stopped);
        }
        if (!decision.retry) throw decision.error;
        const left = remainingMs(signal);
        if (left !== undefined && left <= decision.delayMs) {
          options.logger?.warn(
            {
              method: request.method,
              path: error.path,
              status: error.status,
              code: error.code,
              delayMs: decision.delayMs,
              remainingMs: left,
            },
            `${profile.service} call failed; the next wait would pass the deadline, stopping`,
          );
          throw deadlineError(error);
        }
        options.logger?.warn(
          {
            method: request.method,
            path: error.path,
            status: error.status,
            code: error.code,
            retry: retriesDone + 1,
            delayMs: decision.delayMs,
            correlationId: error.correlationId,
          },
          `${profile.service} call failed; retrying`,
        );
        await options.sleep(decision.delayMs, signal);
        if (signal?.aborted) throw deadlineError(error);
      }
    }
  };
}
