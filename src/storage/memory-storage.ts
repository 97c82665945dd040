import { randomUUID } from 'node:crypto';
import { compareKeys } from './key-order';
import { SetOptions, Storage, StorageConflictError, StoredItem } from './storage';

interface Entry {
  /** Serialized, so callers never share (and mutate) a stored object. */
  json: string;
  eTag: string;
}

/** In-process storage for tests and `STORAGE=memory`; gone on restart. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, Entry>();
  private closed = false;

  async get<T>(key: string): Promise<StoredItem<T> | undefined> {
    this.assertOpen();
    const entry = this.items.get(key);
    return entry ? { value: JSON.parse(entry.json) as T, eTag: entry.eTag } : undefined;
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<string> {
    this.assertOpen();
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`Storage value for ${key} is not JSON`);
    const current = this.items.get(key);
    if (options.ifMatch === null && current) throw new StorageConflictError(key);
    if (typeof options.ifMatch === 'string' && current?.eTag !== options.ifMatch) throw new StorageConflictError(key);
    const eTag = randomUUID();
    this.items.set(key, { json, eTag });
    return eTag;
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    this.items.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    this.assertOpen();
    return [...this.items.keys()].filter((key) => key.startsWith(prefix)).sort(compareKeys);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryStorage is closed');
  }
}
