import { MmdApiError } from '../../src/mmd/mmd-api-error';
import { decideRetry, parseRetryAfter, provablyNotProcessed, type RetryPolicyOptions } from '../../src/http/retry-policy';

const policy: RetryPolicyOptions = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000, random: () => 0.5 };
const GET = { idempotent: true };
const POST = { idempotent: false, unknownOutcome: 'the ticket may or may not have been created' };

function failure(status: number, extra: Partial<ConstructorParameters<typeof MmdApiError>[0]> = {}): MmdApiError {
  return new MmdApiError({
    status,
    code: String(status),
    serviceMessage: null,
    method: 'GET',
    path: 'tickets',
    retryable: status >= 500 || status === 429,
    ...extra,
  });
}
const network = (notSent = false) => failure(0, { code: 'network', notSent });
const timeout = () => failure(0, { code: 'timeout' });

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 31 Dec 2023 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('-1')).toBeNull();
    expect(parseRetryAfter('1.5')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('decideRetry for reads', () => {
  it('retries 429/502/503/504, timeouts and network errors with growing full-jitter back-off', () => {
    for (const error of [failure(429), failure(502), failure(503), failure(504), network(), timeout()]) {
      expect(decideRetry(error, 0, GET, policy)).toEqual({ retry: true, delayMs: 250 });
    }
    expect(decideRetry(failure(503), 1, GET, policy)).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry(failure(503), 2, GET, { ...policy, maxRetries: 9, random: () => 0.999 })).toEqual({ retry: true, delayMs: 1998 });
    expect(decideRetry(failure(503), 8, GET, { ...policy, maxRetries: 9, random: () => 0.999 })).toEqual({ retry: true, delayMs: 7992 });
  });

  it('honours Retry-After and gives up when it is longer than the cap', () => {
    expect(decideRetry(failure(429, { retryAfterMs: 2000 }), 0, GET, policy)).toEqual({ retry: true, delayMs: 2000 });
    const long = failure(429, { retryAfterMs: 120_000 });
    expect(decideRetry(long, 0, GET, policy)).toEqual({ retry: false, error: long });
  });

  it('never retries other 4xx or 500', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 500]) {
      const error = failure(status);
      expect(decideRetry(error, 0, GET, policy)).toEqual({ retry: false, error });
    }
  });

  it('stops after maxRetries', () => {
    const error = failure(503);
    expect(decideRetry(error, 3, GET, policy)).toEqual({ retry: false, error });
  });
});

describe('decideRetry for non-idempotent calls', () => {
  it('retries only when the request never left (connection refused); 429 and 503 with Retry-After prove nothing', () => {
    expect(decideRetry(network(true), 0, POST, policy).retry).toBe(true);
    expect(decideRetry(failure(429), 0, POST, policy).retry).toBe(false);
    expect(decideRetry(failure(503, { retryAfterMs: 1000 }), 0, POST, policy).retry).toBe(false);
    expect(provablyNotProcessed(failure(503))).toBe(false);
    expect(provablyNotProcessed(failure(429))).toBe(false);
  });

  it('turns ambiguous failures into outcome_unknown, keeping the status', () => {
    for (const error of [
      failure(502),
      failure(504),
      failure(503),
      failure(503, { retryAfterMs: 1000 }),
      failure(500),
      failure(429),
      network(false),
      timeout(),
    ]) {
      const decision = decideRetry(error, 0, POST, policy);
      if (decision.retry) throw new Error('should not retry');
      expect(decision.error.code).toBe('outcome_unknown');
      expect(decision.error.status).toBe(error.status);
      expect(decision.error.retryable).toBe(false);
      expect(decision.error.message).toContain('the ticket may or may not have been created');
    }
  });

  it('passes clear answers through unchanged', () => {
    const error = failure(403, { code: '403', serviceMessage: 'This device has too many open elevation requests.' });
    expect(decideRetry(error, 0, POST, policy)).toEqual({ retry: false, error });
    const refused = failure(400, { code: '400', serviceMessage: 'Bad category.' });
    expect(decideRetry(refused, 0, POST, policy)).toEqual({ retry: false, error: refused });
  });
});
