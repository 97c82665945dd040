import { MemoryStorage } from '../../src/storage/memory-storage';
import { SetOptions, Storage, StorageConflictError, StoredItem } from '../../src/storage/storage';
import { appendRecord, readRecords, recordKey, updateWithRetry } from '../../src/storage/typed-store';

/** A store where someone else always writes between our read and our write. */
class ContendedStorage implements Storage {
  readonly inner = new MemoryStorage();
  writes = 0;

  async get<T>(key: string): Promise<StoredItem<T> | undefined> {
    const item = await this.inner.get<T>(key);
    await this.inner.set(key, 'someone else');
    return item;
  }
  set<T>(key: string, value: T, options?: SetOptions): Promise<string> {
    this.writes++;
    return this.inner.set(key, value, options);
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

describe('updateWithRetry', () => {
  it('creates the item when absent and returns the written value', async () => {
    const storage = new MemoryStorage();
    const seen: Array<number | undefined> = [];
    const result = await updateWithRetry<number>(storage, 'n', (cur) => {
      seen.push(cur);
      return (cur ?? 10) + 1;
    });
    expect(result).toBe(11);
    expect(seen).toEqual([undefined]);
    expect(await updateWithRetry<number>(storage, 'n', (cur) => cur! * 2)).toBe(22);
    expect((await storage.get('n'))?.value).toBe(22);
  });

  it('gives up with StorageConflictError after the allowed attempts', async () => {
    const storage = new ContendedStorage();
    await expect(updateWithRetry(storage, 'k', () => 'mine', 3)).rejects.toBeInstanceOf(StorageConflictError);
    expect(storage.writes).toBe(3);
    expect((await storage.inner.get('k'))?.value).toBe('someone else');
  });

  it('does not retry errors other than conflicts', async () => {
    const storage = new MemoryStorage();
    let calls = 0;
    const boom = () => {
      calls++;
      throw new Error('boom');
    };
    await expect(updateWithRetry(storage, 'k', boom)).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});

describe('append-only records', () => {
  it('keys sort by time and read back oldest first, optionally since a time', async () => {
    const storage = new MemoryStorage();
    await appendRecord(storage, 'audit', { what: 'second' }, new Date('2024-05-02T00:00:00Z'));
    await appendRecord(storage, 'audit', { what: 'first' }, new Date('2024-05-01T00:00:00Z'));
    await appendRecord(storage, 'audit', { what: 'third' }, new Date('2024-05-03T00:00:00Z'));
    await appendRecord(storage, 'auditx', { what: 'other log' }, new Date('2024-05-01T00:00:00Z'));

    const all = await readRecords<{ what: string }>(storage, 'audit');
    expect(all.map((r) => r.value.what)).toEqual(['first', 'second', 'third']);
    expect(all[0]!.key).toMatch(/^audit\/2024-05-01T00:00:00\.000Z\/[0-9a-z]{6}-[0-9a-f-]{36}$/);

    const recent = await readRecords<{ what: string }>(storage, 'audit', new Date('2024-05-02T00:00:00Z'));
    expect(recent.map((r) => r.value.what)).toEqual(['second', 'third']);
  });

  it('keeps two records written in the same millisecond', async () => {
    const storage = new MemoryStorage();
    const at = new Date('2024-01-01T00:00:00Z');
    const a = await appendRecord(storage, 'audit', 'a', at);
    const b = await appendRecord(storage, 'audit', 'b', at);
    expect(a).not.toBe(b);
    expect((await readRecords<string>(storage, 'audit')).map((r) => r.value).sort()).toEqual(['a', 'b']);
    expect(recordKey('audit', at, 'id-1')).toBe('audit/2024-01-01T00:00:00.000Z/id-1');
  });

  it('reads same-millisecond records back in the order they were written', async () => {
    const storage = new MemoryStorage();
    const at = new Date('2024-01-01T00:00:00Z');
    const written = Array.from({ length: 40 }, (_, i) => `record-${i}`);
    for (const value of written) await appendRecord(storage, 'audit', value, at);
    expect((await readRecords<string>(storage, 'audit')).map((r) => r.value)).toEqual(written);
  });
});
