/**
 * Keeps proactive sends inside Teams' published limits, so the connector never has to answer
 * 429: per conversation at most 7 in any 1 s and 60 in any 30 s; overall `maxPerSecond` in any
 * 1 s. Sliding windows over the times of past sends. `reserve` books the earliest slot that
 * fits every window and returns how long to wait for it: booking is synchronous, so
 * concurrent workers never take the same slot. A booked slot is only a plan: a timer fires late
 * and the event loop is busy, so the worker calls `depart` just before the send leaves, which
 * checks the windows against the times sends really left and records this one's. Booking by
 * the clock alone lets a large fan-out meet the odd 429.
 */
export interface RateLimits {
  perConversation: Array<{ count: number; windowMs: number }>;
  overall: { count: number; windowMs: number };
}

/**
 * The recorded departure is when the request starts; it arrives a little later, by a varying
 * network and event-loop delay, so Teams may see two sends closer together than they left. The
 * windows are this much longer than Teams' (2.5% of the ceiling).
 */
export const JITTER_MARGIN_MS = 25;

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

/** One send: booked (`left` false, `at` the planned time) or gone (`at` when it left). */
interface Slot {
  at: number;
  left: boolean;
}

export class RateLimiter {
  private readonly overall: Slot[] = [];
  private readonly conversations = new Map<string, Slot[]>();
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
    const at = this.earliestFit(times(this.overall), times(own), Math.max(now, this.overall[this.overall.length - 1]?.at ?? now));
    const slot: Slot = { at, left: false };
    insertSorted(this.overall, slot);
    insertSorted(own, slot);
    this.conversations.set(conversation, own);
    return at - now;
  }

  /**
   * Called right before a send to `conversation` leaves, after waiting what `reserve` said: 0
   * when it may go now (its departure time is recorded), else how many ms more to wait (then
   * call again). Only sends that really left count here, at the time they left.
   */
  depart(conversation: string): number {
    const now = this.now();
    this.prune(now);
    const own = this.conversations.get(conversation) ?? [];
    const at = this.earliestFit(times(this.overall, true), times(own, true), now);
    let slot = own.find((s) => !s.left);
    if (!slot) {
      // A send that was not booked (or whose booking was pruned): book it now.
      slot = { at, left: false };
      insertSorted(this.overall, slot);
      insertSorted(own, slot);
      this.conversations.set(conversation, own);
    }
    slot.at = at;
    if (at > now) {
      resort(this.overall);
      resort(own);
      return at - now;
    }
    slot.left = true;
    resort(this.overall);
    resort(own);
    return 0;
  }

  /** The earliest time >= `from` that fits the overall and the conversation's windows. */
  private earliestFit(overall: readonly number[], own: readonly number[], from: number): number {
    // Moving later for one window can push into another: loop until stable.
    let at = from;
    for (let moved = true; moved;) {
      moved = false;
      const next = Math.max(
        earliest(overall, this.limits.overall.count, this.limits.overall.windowMs, at),
        ...this.limits.perConversation.map((l) => earliest(own, l.count, l.windowMs, at)),
      );
      if (next > at) {
        at = next;
        moved = true;
      }
    }
    return at;
  }

  // A slot booked for a send that then failed stays: it errs on the safe side.
  private prune(now: number): void {
    const cutoff = now - this.longestWindow;
    while (this.overall.length && this.overall[0]!.at < cutoff) this.overall.shift();
    for (const [key, slots] of this.conversations) {
      while (slots.length && slots[0]!.at < cutoff) slots.shift();
      if (slots.length === 0) this.conversations.delete(key);
    }
  }
}

/** The times of `slots` (sorted as they are), only those that left when asked. */
function times(slots: readonly Slot[], leftOnly = false): number[] {
  return (leftOnly ? slots.filter((s) => s.left) : slots).map((s) => s.at);
}

function resort(slots: Slot[]): void {
  slots.sort((a, b) => a.at - b.at);
}

function insertSorted(slots: Slot[], slot: Slot): void {
  // Bookings arrive in time order, so this is an append; the scan is a guard.
  let i = slots.length;
  while (i > 0 && slots[i - 1]!.at > slot.at) i--;
  slots.splice(i, 0, slot);
}
