import type { Layer } from '../send';

/**
 * A fresh deadline for every attempt (AbortSignal.timeout), so one slow attempt does not eat
 * the budget of the retries after it. The transport reports the abort as code `timeout`.
 */
export function timeoutLayer(options: { timeoutMs: number }): Layer {
  return (next) => (request) => {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    return next({ ...request, signal });
  };
}
