import type { AdaptiveCard } from '../cards/render';
import type { NotifyTarget } from './notify-target';

export interface SendOptions {
  /** Channel threads: post as a reply to this activity (the thread's first notification). */
  replyToId?: string;
  /** Replace this earlier activity instead of posting a new one (refresh in place). */
  updateActivityId?: string;
  /** The outbox's dedupe key of this send, for tracing (Teams itself does not dedupe). */
  dedupeKey?: string;
}

/** The port to the chat platform: one proactive card to one conversation. */
export interface Sender {
  /** Resolves with the id of the posted (or updated) activity; throws DeliveryError. */
  send(target: NotifyTarget, card: AdaptiveCard, options?: SendOptions): Promise<{ activityId: string }>;
}

/**
 * What the platform's answer means for the outbox:
 * - stop: the conversation is gone for us (blocked, removed, disabled, not found): drop it;
 * - throttled: 429, wait `retryAfterMs` (or back off) and try again;
 * - retryable: 412, 502, 503, 504, a network error: back off with jitter and try again;
 * - fatal: the message itself is refused (400, 413, ...): retrying cannot help.
 */
export type DeliveryErrorKind = 'stop' | 'throttled' | 'retryable' | 'fatal';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

const STOP_CODES = new Set(['ConversationBlockedByUser', 'BotNotInConversationRoster', 'BotDisabledByAdmin', 'MessageWritesBlocked']);

/**
 * Classifies a connector answer (status, error code, Retry-After header) the way Teams'
 * published guidance says to treat it. For the Teams Sender implementation and tests.
 */
export function deliveryError(status: number | undefined, code: string | undefined, retryAfter?: string | null): DeliveryError {
  const retryAfterMs = parseRetryAfter(retryAfter);
  const what = `send failed${status ? ` with ${status}` : ''}${code ? ` ${code}` : ''}`;
  if ((status === 403 && code !== undefined && STOP_CODES.has(code)) || (status === 404 && code === 'ConversationNotFound')) {
    return new DeliveryError('stop', what, status, code);
  }
  if (status === 429) return new DeliveryError('throttled', what, status, code, retryAfterMs);
  if (status === undefined || status === 412 || status === 502 || status === 503 || status === 504 || status === 500) {
    return new DeliveryError('retryable', what, status, code, retryAfterMs);
  }
  return new DeliveryError('fatal', what, status, code);
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
