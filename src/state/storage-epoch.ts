import { z } from 'zod';
import { StorageConflictError, type Storage } from '../storage/storage';

/**
 * When this storage began (`meta/epoch`, written once by the first instance that finds none).
 * A form issued before it may have had its claim in a storage that is gone (SQLite file
 * deleted, STORAGE=memory restarted): such a submit asks the service before it creates anything.
 */
const KEY = 'meta/epoch';
const schema = z.object({ at: z.iso.datetime() });
const known = new WeakMap<Storage, Promise<Date>>();

export function storageEpoch(storage: Storage, now: () => Date): Promise<Date> {
  let epoch = known.get(storage);
  if (!epoch) {
    epoch = readOrStart(storage, now);
    known.set(storage, epoch);
    // A failure is not remembered: the next call asks again.
    epoch.catch(() => known.delete(storage));
  }
  return epoch;
}

async function readOrStart(storage: Storage, now: () => Date): Promise<Date> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const item = await storage.get<unknown>(KEY);
    if (item) {
      const parsed = schema.safeParse(item.value);
      if (parsed.success) return new Date(parsed.data.at);
    }
    const at = now();
    try {
      // Create-only when absent; an unreadable record is replaced (its forms then ask the service).
      await storage.set(KEY, { at: at.toISOString() }, item ? { ifMatch: item.eTag } : { ifMatch: null });
      return at;
    } catch (err) {
      if (!(err instanceof StorageConflictError)) throw err;
    }
  }
  throw new Error('could not read or start the storage epoch');
}
