import { telemetry } from '../../telemetry/telemetry';
import { isApiError } from '../api-error';
import type { Layer } from '../request';

/**
 * The resource of a path, its collection names without keys and without the tenant prefix
 * (`tenants/<id>/devices('MMD-1')` -> `devices`, `tickets('1')/addNote` -> `tickets/addNote`,
 * `security/incidents` -> `security/incidents`). It stops at the first segment that is not a
 * plain name (letters and dots only), such as an id in a path segment: span names never carry
 * ids, device names or anything a user typed.
 */
export function resourceOf(path: string): string {
  const names: string[] = [];
  // MMD paths start with the tenant (`tenants/<tenant id>/`), the same for every call.
  for (const part of path
    .split('?')[0]!
    .replace(/^tenants\/[^/]+\//, '')
    .split('/')) {
    const m = /^([A-Za-z][A-Za-z.]*)(\(.*\))?$/.exec(part);
    if (!m) break;
    names.push(m[1]!);
  }
  return names.join('/') || 'root';
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
