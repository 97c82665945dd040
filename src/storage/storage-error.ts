/**
 * A storage back end failed for a reason other than an eTag conflict (network, auth, quota).
 * Carries the service's status and code only: never the SDK error, whose request may hold
 * credentials (a SAS in the URL, a signed Authorization header).
 */
export class StorageError extends Error {
  constructor(
    readonly operation: string,
    readonly key: string | undefined,
    readonly status?: number,
    readonly code?: string,
  ) {
    const where = key === undefined ? '' : ` for ${key}`;
    const why = [status, code].filter((part) => part !== undefined).join(' ');
    super(`Storage ${operation} failed${where}${why ? `: ${why}` : ''}`);
    this.name = 'StorageError';
  }
}
