import { telemetry } from '../../telemetry/telemetry';
import { isApiError } from '../api-error';
import type { Layer } from '../request';

/** The resource of a path (`devices('MMD-1')/notes` -> `devices`): span names never carry ids or names. */
function resourceOf(path: string): string {
  return /^[A-Za-z0-9_.-]*/.exec(path)?.[0] || 'root';
}

/** Each HTTP attempt as a span (child of the turn), errors and 429s counted (src/telemetry; no-op when off). */
export function telemetryLayer(service: string): Layer {
  return (next) => (request) =>
    telemetry().apiCall(
      { service, method: request.method, resource: request.url ? 'next-page' : resourceOf(request.path) },
      () => next(request),
      ({ result, error }) => (result ? result.status : isApiError(error) ? error.status : 0),
    );
}
