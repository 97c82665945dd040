import { AsyncLocalStorage } from 'node:async_hooks';

const quiet = new AsyncLocalStorage<true>();
let installed = false;

/**
 * Runs `fn` with `console.error`/`console.warn` muted for it and everything it awaits, and only
 * for it: other requests in flight keep their console. botbuilder prints every rejected token
 * with `console.error` (a stack, and for a bad signature the whole signing key), one line set per
 * request; we log the rejection ourselves, once, at warn, without either.
 */
export function withQuietConsole<T>(fn: () => Promise<T>): Promise<T> {
  if (!installed) {
    installed = true;
    for (const method of ['error', 'warn'] as const) {
      const original = console[method].bind(console);
      console[method] = (...args: unknown[]) => {
        if (quiet.getStore()) return;
        original(...args);
      };
    }
  }
  return quiet.run(true, fn);
}
