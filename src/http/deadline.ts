/**
 * A deadline carried by an AbortSignal: the signal aborts (reason TimeoutError) when the time is
 * up, and `remainingMs(signal)` tells the retry layer how long is left, so it never starts a wait
 * (Retry-After, back-off) that would end after the caller has given up.
 */
const deadlines = new WeakMap<AbortSignal, number>();

/** A signal that aborts `ms` from now, or earlier when `parent` aborts (a turn's own signal). */
export function withDeadline(ms: number, parent?: AbortSignal): AbortSignal {
  // A timer of the global clock (not AbortSignal.timeout), so tests can move it with fake timers.
  const controller = new AbortController();
  const own = controller.signal;
  setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), Math.max(0, ms)).unref();
  const signal = parent ? AbortSignal.any([parent, own]) : own;
  const parentAt = parent ? deadlines.get(parent) : undefined;
  const at = Date.now() + ms;
  deadlines.set(signal, parentAt === undefined ? at : Math.min(at, parentAt));
  return signal;
}

/** Milliseconds left before the signal's deadline; 0 once aborted; undefined when it has none. */
export function remainingMs(signal: AbortSignal | undefined): number | undefined {
  if (!signal) return undefined;
  if (signal.aborted) return 0;
  const at = deadlines.get(signal);
  return at === undefined ? undefined : Math.max(0, at - Date.now());
}
