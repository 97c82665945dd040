import { deliveryError, parseRetryAfter } from '../../src/notify/sender';

describe('deliveryError', () => {
  it('treats the answers Teams documents as "stop" as stop, and nothing else', () => {
    for (const code of ['ConversationBlockedByUser', 'BotNotInConversationRoster', 'BotDisabledByAdmin', 'MessageWritesBlocked']) {
      expect(deliveryError(403, code).kind).toBe('stop');
    }
    expect(deliveryError(404, 'ConversationNotFound').kind).toBe('stop');
    expect(deliveryError(403, 'SomethingElse').kind).toBe('fatal');
    expect(deliveryError(404, 'ActivityNotFound').kind).toBe('fatal');
  });

  it('retries 429 with its Retry-After, and 412, 502, 503, 504 and network failures', () => {
    expect(deliveryError(429, 'Throttled', '3')).toMatchObject({ kind: 'throttled', retryAfterMs: 3000 });
    for (const status of [412, 502, 503, 504]) expect(deliveryError(status, undefined).kind).toBe('retryable');
    expect(deliveryError(undefined, undefined).kind).toBe('retryable');
    expect(deliveryError(400, 'BadArgument').kind).toBe('fatal');
    expect(deliveryError(413, 'MessageSizeTooBig').kind).toBe('fatal');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
