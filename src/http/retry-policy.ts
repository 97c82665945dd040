import type { ApiError } from './api-error';

export interface RetryPolicyOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First back-off ceiling; doubles each retry (full jitter picks 0..ceiling). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: we give up and say "try later". */
  maxRetryAfterMs: number;
  random: () => number;
  /** Statuses where the same request may succeed a moment later (default 429, 502, 503, 504). */
  transientStatuses?: ReadonlySet<number>;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicyOptions, 'maxRetries' | 'random'> = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** Statuses where the same request may succeed a moment later. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface RetryCall {
  idempotent: boolean;
  /** What may have happened, for the outcome_unknown message ("the ticket may or may not have been created"). */
  unknownOutcome?: string;
}

export type RetryDecision<E extends ApiError = ApiError> = { retry: true; delayMs: number } | { retry: false; error: E };

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110). null when absent or
 * unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

function isTransient(error: ApiError, statuses: ReadonlySet<number>): boolean {
  if (error.code === 'timeout' || error.code === 'network') return true;
  return statuses.has(error.status);
}

/**
 * True only when the service provably did not act on the request: the connection was refused
 * before a byte was sent. A 429 or a 503 with Retry-After is no proof: a gateway may answer so
 * after the service behind it acted, and a retry would then make a second ticket.
 */
export function provablyNotProcessed(error: ApiError): boolean {
  return error.notSent === true;
}

/** Failures after which a non-idempotent call may or may not have taken effect. */
function ambiguous(error: ApiError): boolean {
  if (provablyNotProcessed(error)) return false;
  return error.code === 'timeout' || error.code === 'network' || error.status >= 500 || error.status === 429;
}

/**
 * What to do after attempt number `retriesDone` (0 for the first attempt) failed.
 *
 * Non-idempotent calls (create ticket, create elevation request, add note) are retried only
 * when the request never left (connection refused); after any other failure (timeout, reset
 * after sending, 5xx, 429) a retry could create a second ticket, so we stop and report
 * `outcome_unknown` instead, and the form claim asks the service before anything is sent again. Close elevation (PATCH) is
 * idempotent in effect (a second close answers 400 "already closed", a confusing message after
 * a first close that did succeed), so it follows the same cautious rule.
 */
export function decideRetry<E extends ApiError>(
  error: E,
  retriesDone: number,
  call: RetryCall,
  options: RetryPolicyOptions,
): RetryDecision<E> {
  const stop = (): RetryDecision<E> => ({ retry: false, error: finalError(error, call) });
  if (!isTransient(error, options.transientStatuses ?? TRANSIENT_STATUSES)) return stop();
  if (!call.idempotent && !provablyNotProcessed(error)) return stop();
  if (retriesDone >= options.maxRetries) return stop();
  if (error.retryAfterMs !== null) {
    if (error.retryAfterMs > options.maxRetryAfterMs) return { retry: false, error };
    return { retry: true, delayMs: error.retryAfterMs };
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retriesDone);
  return { retry: true, delayMs: Math.floor(options.random() * ceiling) };
}

/** The error the caller sees once we stop. */
function finalError<E extends ApiError>(error: E, call: RetryCall): E {
  if (call.idempotent || !ambiguous(error)) return error;
  return error.with({
    code: 'outcome_unknown',
    retryable: false,
    message:
      `${error.service} ${error.method} ${error.path}: the service did not confirm the request ` +
      `(${error.code === 'timeout' ? 'timeout' : error.status === 0 ? 'connection lost' : `HTTP ${error.status}`}); ` +
      `${call.unknownOutcome ?? 'it may or may not have taken effect'}. Check before trying again.`,
  });
}
