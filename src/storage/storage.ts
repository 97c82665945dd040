/**
 * Durable key/value storage for what must survive a restart: conversation references,
 * subscriptions, notification state, idempotency records, audit. Values are JSON.
 *
 * Concurrency: every item carries an eTag. `set` with `ifMatch` fails with StorageConflictError
 * when the stored eTag differs; `ifMatch: null` means "only if absent" (create).
 */
export interface StoredItem<T> {
  value: T;
  eTag: string;
}

export interface SetOptions {
  /** Expected current eTag; null = the key must not exist. Absent = last write wins. */
  ifMatch?: string | null;
}

export interface Storage {
  get<T>(key: string): Promise<StoredItem<T> | undefined>;
  /** Returns the new eTag. */
  set<T>(key: string, value: T, options?: SetOptions): Promise<string>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, sorted ascending (audit listing, subscriptions). */
  list(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage conflict on ${key}`);
    this.name = 'StorageConflictError';
  }
}
