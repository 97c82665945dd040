import { formIssuedAt, newFormId } from '../../src/state/form-id';
import { storageEpoch } from '../../src/state/storage-epoch';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { z } from 'zod';

describe('form ids carry when they were issued', () => {
  it('round-trips the issue time and is a UUID the verb schemas accept', () => {
    const at = new Date('2026-12-01T05:23:12.345Z');
    const id = newFormId(at);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(formIssuedAt(id)).toEqual(at);
    expect(newFormId(at)).not.toBe(id);
  });

  it('knows no issue time for other ids (older versions issued v4)', () => {
    expect(formIssuedAt('0b9f6c1e-3f0a-4a8e-9c1d-2b7e4f5a6c7d')).toBeUndefined();
    expect(formIssuedAt('not a uuid')).toBeUndefined();
  });
});

describe('storage epoch', () => {
  it('is written once, by the first to find none, and read back by every later instance', async () => {
    const storage = new MemoryStorage();
    const first = await storageEpoch(storage, () => new Date('2030-01-01T00:00:00Z'));
    expect(first).toEqual(new Date('2030-01-01T00:00:00Z'));
    // Another instance on the same storage (a restart with the same file): the stored time.
    const again = new MemoryStorage();
    await again.set('meta/epoch', (await storage.get('meta/epoch'))!.value);
    expect(await storageEpoch(again, () => new Date('2031-01-01T00:00:00Z'))).toEqual(first);
    // A new, empty storage (the file was lost): a new epoch.
    expect(await storageEpoch(new MemoryStorage(), () => new Date('2031-01-01T00:00:00Z'))).toEqual(new Date('2031-01-01T00:00:00Z'));
  });
});
