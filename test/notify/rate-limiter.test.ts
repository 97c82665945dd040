import { JITTER_MARGIN_MS, RateLimiter, teamsLimits } from '../../src/notify/rate-limiter';

/** Books `n` sends as a worker would (waiting as told) and returns their times. */
function book(limiter: RateLimiter, clock: { t: number }, conversations: string[]): number[] {
  return conversations.map((c) => {
    const wait = limiter.reserve(c);
    return clock.t + wait;
  });
}

function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  for (const t of times) max = Math.max(max, times.filter((u) => u > t - windowMs && u <= t).length);
  return max;
}

describe('RateLimiter', () => {
  it('keeps one conversation within 7 per second and 60 per 30 seconds', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(teamsLimits(50), () => clock.t);
    const times = book(limiter, clock, Array(130).fill('a'));
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(times, 2000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
    expect(times[0]).toBe(0);
  });

  it('keeps all conversations together within the overall ceiling and uses it fully', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(teamsLimits(50), () => clock.t);
    const times = book(
      limiter,
      clock,
      Array.from({ length: 500 }, (_, i) => `c${i}`),
    );
    expect(maxInWindow(times, 1000)).toBe(50);
    // 500 sends at 50/s: the last slot opens after 9 windows (a second plus the jitter margin).
    expect(times[times.length - 1]).toBe(9 * (1000 + JITTER_MARGIN_MS));
  });

  it('honours a lower configured ceiling', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(teamsLimits(5), () => clock.t);
    expect(
      maxInWindow(
        book(
          limiter,
          clock,
          Array.from({ length: 40 }, (_, i) => `c${i}`),
        ),
        1000,
      ),
    ).toBe(5);
  });
});

describe('RateLimiter departures', () => {
  it('counts a send at the time it really left: a late one pushes the next back, never one too many in a window', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(teamsLimits(5), () => clock.t);
    const window = 1000 + JITTER_MARGIN_MS;
    const left: number[] = [];
    // Six booked at once (the sixth a window later); the first leaves 300 ms late (a busy event
    // loop), the others on time.
    const waits = Array.from({ length: 6 }, (_, i) => limiter.reserve(`c${i}`));
    expect(waits).toEqual([0, 0, 0, 0, 0, window]);
    clock.t = 300;
    expect(limiter.depart('c0')).toBe(0);
    left.push(clock.t);
    for (let i = 1; i < 5; i++) {
      expect(limiter.depart(`c${i}`)).toBe(0);
      left.push(clock.t);
    }
    // The sixth's booked time comes, but the first left at 300: departing now would put six
    // sends within one window.
    clock.t = window;
    const more = limiter.depart('c5');
    expect(more).toBe(300);
    clock.t += more;
    expect(limiter.depart('c5')).toBe(0);
    left.push(clock.t);
    expect(maxInWindow(left, window)).toBeLessThanOrEqual(5);
  });
});
