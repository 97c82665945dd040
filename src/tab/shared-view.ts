/**
 * A view that is costly to compute (the failing-devices page: one GET per device) computed at
 * most once per key (a tenant) per `ttlMs`, one computation at a time: callers meanwhile share
 * the running one. A failed computation is not kept.
 */
export interface SharedView<T> {
  get(key: string, compute: () => Promise<T>): Promise<{ value: T; computedAt: Date }>;
}

export function createSharedView<T>(ttlMs: number, now: () => Date = () => new Date()): SharedView<T> {
  const done = new Map<string, { value: T; computedAt: Date }>();
  const running = new Map<string, Promise<{ value: T; computedAt: Date }>>();
  return {
    get(key, compute) {
      const kept = done.get(key);
      if (kept && now().getTime() - kept.computedAt.getTime() < ttlMs) return Promise.resolve(kept);
      const inFlight = running.get(key);
      if (inFlight) return inFlight;
      const started = compute()
        .then((value) => {
          const entry = { value, computedAt: now() };
          done.set(key, entry);
          return entry;
        })
        .finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
  };
}
