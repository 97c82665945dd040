import { randomUUID } from 'node:crypto';
import { Storage, StorageConflictError } from './storage';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Read-modify-write under optimistic concurrency: reads the item, applies `fn`, writes back
 * only if nobody else wrote in between (eTag, or create-only when absent), and on a conflict
 * starts over after a short random pause so racing writers spread out. `fn` may run several
 * times, so it must be pure. Returns the value written; throws StorageConflictError after
 * `attempts` lost races.
 */
export async function updateWithRetry<T>(storage: Storage, key: string, fn: (current: T | undefined) => T, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = await storage.get<T>(key);
    const next = fn(current?.value);
    try {
      await storage.set(key, next, { ifMatch: current ? current.eTag : null });
      return next;
    } catch (err) {
      if (!(err instanceof StorageConflictError) || attempt >= attempts) throw err;
      await sleep(Math.random() * Math.min(100, 5 * 2 ** attempt));
    }
  }
}

/** Orders this process's records written in the same millisecond (a turn writes several). */
let written = 0;

/** `<sequence>-<uuid>`: this process's write order first, then a random part across instances. */
function nextRecordId(): string {
  written = (written + 1) % 36 ** 6;
  return `${written.toString(36).padStart(6, '0')}-${randomUUID()}`;
}

/**
 * Key of an append-only record: `<prefix>/<ISO time>/<id>`. ISO times sort as text, so
 * `list('<prefix>/')` returns records oldest first; the id keeps same-millisecond records apart,
 * in the order this process wrote them.
 */
export function recordKey(prefix: string, at: Date = new Date(), id: string = nextRecordId()): string {
  return `${prefix}/${at.toISOString()}/${id}`;
}

/** Writes a new record (create-only: a key is never overwritten) and returns its key. */
export async function appendRecord<T>(storage: Storage, prefix: string, record: T, at?: Date): Promise<string> {
  const key = recordKey(prefix, at);
  await storage.set(key, record, { ifMatch: null });
  return key;
}

/** Records under `prefix`, oldest first; `since` skips records older than that time. */
export async function readRecords<T>(storage: Storage, prefix: string, since?: Date): Promise<Array<{ key: string; value: T }>> {
  const from = since ? `${prefix}/${since.toISOString()}` : '';
  const keys = (await storage.list(`${prefix}/`)).filter((key) => key >= from);
  const records: Array<{ key: string; value: T }> = [];
  for (const key of keys) {
    const item = await storage.get<T>(key);
    // Deleted between list and get (retention cleanup): skip it.
    if (item) records.push({ key, value: item.value });
  }
  return records;
}
