import type { Layer } from '../request';

/**
 * A fresh timeout for every attempt (AbortSignal.timeout), so one slow attempt does not eat
 * the budget of the retries after it; joined with the caller's signal (its deadline). The
 * transport reports the abort as code `timeout`.
 */
export function timeoutLayer(options: { timeoutMs: number }): Layer {
  return (next) => (request) => {
    const attempt = AbortSignal.timeout(options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, attempt]) : attempt;
    return next({ ...request, signal });
  };
}
