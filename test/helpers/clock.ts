/**
 * Moves the wall clock (Date) forward without waiting, for checks of what happens once a time
 * has passed (a token's expiry, a redaction due, a note written later). Timers, ticks and I/O
 * stay real, so loopback HTTP to the emulator works as before. `restore()` in afterEach.
 */
export function fakeDate(): { advance(ms: number): void; restore(): void } {
  jest.useFakeTimers({
    now: Date.now(),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  return {
    advance: (ms) => jest.setSystemTime(Date.now() + ms),
    restore: () => jest.useRealTimers(),
  };
}
