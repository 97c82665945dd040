/**
 * Keeps proactive sends inside Teams' published limits, so the connector never has to answer
 * 429: per conversation at most 7 in any 1 s and 60 in any 30 s; overall `maxPerSecond` in any
 * 1 s. Sliding windows over the times of past sends. `reserve` books the earliest slot that
 * fits every window and returns how long to wait for it: booking is synchronous, so
 * concurrent workers never take the same slot.
 */
export interface RateLimits {
  perConversation: Array<{ count: number; windowMs: number }>;
  overall: { count: number; windowMs: number };
}

/**
 * Slots are booked exactly a window apart, but a send leaves (and arrives) late by timer and
 * event-loop delay while the next one may be on time, so Teams would count one send too many
 * in a window. The windows are this much longer than Teams' (issue 15 bench: 134 of 2,000
 * fan-out sends answered 429 without it on a loaded machine, none with it; 4% of the ceiling).
 */
export const JITTER_MARGIN_MS = 40;

export function teamsLimits(maxPerSecond = 50): RateLimits {
  return {
    perConversation: [
      { count: 7, windowMs: 1000 + JITTER_MARGIN_MS },
      { count: 8, windowMs: 2000 + JITTER_MARGIN_MS },
      { count: 60, windowMs: 30_000 + JITTER_MARGIN_MS },
    ],
    overall: { count: maxPerSecond, windowMs: 1000 + JITTER_MARGIN_MS },
  };
}

/** The earliest time >= `from` at which `times` (sorted) holds fewer than `count` in any window. */
function earliest(times: readonly number[], count: number, windowMs: number, from: number): number {
  // Sends at or after (t - windowMs) count against a send at t; the count-th most recent decides.
  if (times.length < count) return from;
  const blocking = times[times.length - count]!;
  return Math.max(from, blocking + windowMs);
}

export class RateLimiter {
  private readonly overall: number[] = [];
  private readonly conversations = new Map<string, number[]>();
  private readonly longestWindow: number;

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.longestWindow = Math.max(limits.overall.windowMs, ...limits.perConversation.map((l) => l.windowMs));
  }

  /** Books a send for `conversation`; resolves the number of ms to wait before sending. */
  reserve(conversation: string): number {
    const now = this.now();
    this.prune(now);
    const own = this.conversations.get(conversation) ?? [];
    // Slots are handed out in time order (never before the last booking), so every window only
    // has to look back; moving later for one window can push into another: loop until stable.
    let at = Math.max(now, this.overall[this.overall.length - 1] ?? now);
    for (let moved = true; moved; ) {
      moved = false;
      const candidates = [
        earliest(this.overall, this.limits.overall.count, this.limits.overall.windowMs, at),
        ...this.limits.perConversation.map((l) => earliest(own, l.count, l.windowMs, at)),
      ];
      const next = Math.max(...candidates);
      if (next > at) {
        at = next;
        moved = true;
      }
    }
    insertSorted(this.overall, at);
    insertSorted(own, at);
    this.conversations.set(conversation, own);
    return at - now;
  }

  // A slot booked for a send that then failed stays booked: it errs on the safe side.
  private prune(now: number): void {
    const cutoff = now - this.longestWindow;
    while (this.overall.length && this.overall[0]! < cutoff) this.overall.shift();
    for (const [key, times] of this.conversations) {
      while (times.length && times[0]! < cutoff) times.shift();
      if (times.length === 0) this.conversations.delete(key);
    }
  }
}

function insertSorted(times: number[], value: number): void {
  // Bookings arrive in time order, so this is an append; the scan is a guard.
  let i = times.length;
  while (i > 0 && times[i - 1]! > value) i--;
  times.splice(i, 0, value);
}
