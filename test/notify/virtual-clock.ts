/**
 * Time for delivery tests without real waiting: `sleep` queues a timer and the clock jumps to
 * the earliest one once everything runnable has run (one timer per macrotask turn), so rate
 * limits and Retry-After are exercised exactly and the test takes milliseconds.
 */
export class VirtualClock {
  private timers: Array<{ due: number; seq: number; resolve: () => void }> = [];
  private seq = 0;
  private scheduled = false;

  constructor(public t: number = Date.parse('2026-11-22T12:00:00Z')) {}

  now = (): number => this.t;
  date = (): Date => new Date(this.t);

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ due: this.t + Math.max(0, ms), seq: this.seq++, resolve });
      this.schedule();
    });

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) return;
      this.t = Math.max(this.t, next.due);
      next.resolve();
      if (this.timers.length) this.schedule();
    });
  }
}
