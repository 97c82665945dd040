import { Storage, StorageConflictError } from '../../src/storage/storage';
import { updateWithRetry } from '../../src/storage/typed-store';

/** Makes a fresh, empty store for one test. */
export type StorageFactory = () => Promise<Storage>;

const AWKWARD_KEYS = [
  'plain',
  'a/b/c',
  'percent %41 %zz %',
  'spaces  and\ttabs',
  `quotes "double" 'single' \`back\``,
  'unicode ü ß 日本語 🚀',
  '..',
  'ends with dot.',
  'ends/with/slash/',
  'query?and#hash&amp=1;x+y',
];

/**
 * The behaviour every Storage must share; each implementation's test file runs it, so the
 * embedded default and the scale-out store cannot drift apart.
 */
export function describeStorageConformance(name: string, factory: StorageFactory): void {
  describe(`${name} (Storage conformance)`, () => {
    let storage: Storage;

    beforeEach(async () => {
      storage = await factory();
    });

    afterEach(async () => {
      await storage.close();
    });

    it('returns undefined for a missing key', async () => {
      expect(await storage.get('missing')).toBeUndefined();
    });

    it('round-trips nested JSON with its eTag', async () => {
      const value = { a: 1, nested: { list: [1, 'two', null, { three: true }], empty: {} }, text: 'ü "q" \n 🚀', n: -0.5 };
      const eTag = await storage.set('doc', value);
      expect(typeof eTag).toBe('string');
      expect(eTag.length).toBeGreaterThan(0);
      expect(await storage.get('doc')).toEqual({ value, eTag });
    });

    it('round-trips scalars', async () => {
      await storage.set('s', 'text');
      await storage.set('n', 42);
      await storage.set('b', false);
      await storage.set('z', null);
      expect((await storage.get('s'))?.value).toBe('text');
      expect((await storage.get('n'))?.value).toBe(42);
      expect((await storage.get('b'))?.value).toBe(false);
      expect((await storage.get('z'))?.value).toBeNull();
    });

    it('keeps awkward keys apart and lists them back exactly', async () => {
      for (const [i, key] of AWKWARD_KEYS.entries()) await storage.set(key, { i, key });
      for (const [i, key] of AWKWARD_KEYS.entries()) expect((await storage.get(key))?.value).toEqual({ i, key });
      expect(await storage.list('')).toEqual([...AWKWARD_KEYS].sort(byCodePoint));
    });

    it('does not hand out a live reference to the stored value', async () => {
      const value = { count: 1 };
      await storage.set('k', value);
      value.count = 2;
      const read = await storage.get<{ count: number }>('k');
      read!.value.count = 3;
      expect((await storage.get('k'))?.value).toEqual({ count: 1 });
    });

    it('overwrites, and every write changes the eTag', async () => {
      const first = await storage.set('k', 1);
      const second = await storage.set('k', 2);
      const third = await storage.set('k', 2);
      expect(new Set([first, second, third]).size).toBe(3);
      expect(await storage.get('k')).toEqual({ value: 2, eTag: third });
    });

    it('writes when ifMatch is the current eTag', async () => {
      const eTag = await storage.set('k', 'v1');
      const next = await storage.set('k', 'v2', { ifMatch: eTag });
      expect(next).not.toBe(eTag);
      expect(await storage.get('k')).toEqual({ value: 'v2', eTag: next });
    });

    it('rejects a stale eTag with StorageConflictError and keeps the newer value', async () => {
      const stale = await storage.set('k', 'v1');
      await storage.set('k', 'v2');
      const attempt = storage.set('k', 'v3', { ifMatch: stale });
      await expect(attempt).rejects.toBeInstanceOf(StorageConflictError);
      await expect(attempt).rejects.toMatchObject({ key: 'k' });
      expect((await storage.get('k'))?.value).toBe('v2');
    });

    it('rejects an eTag for a key that does not exist', async () => {
      const eTag = await storage.set('k', 'v1');
      await storage.delete('k');
      await expect(storage.set('k', 'v2', { ifMatch: eTag })).rejects.toBeInstanceOf(StorageConflictError);
      expect(await storage.get('k')).toBeUndefined();
    });

    it('creates only once with ifMatch: null', async () => {
      const eTag = await storage.set('once', 'first', { ifMatch: null });
      await expect(storage.set('once', 'second', { ifMatch: null })).rejects.toBeInstanceOf(StorageConflictError);
      expect(await storage.get('once')).toEqual({ value: 'first', eTag });
    });

    it('creates again with ifMatch: null after a delete', async () => {
      await storage.set('k', 1, { ifMatch: null });
      await storage.delete('k');
      await storage.set('k', 2, { ifMatch: null });
      expect((await storage.get('k'))?.value).toBe(2);
    });

    it('deletes, and deleting a missing key is fine', async () => {
      await storage.set('k', 'v');
      await storage.delete('k');
      expect(await storage.get('k')).toBeUndefined();
      await expect(storage.delete('k')).resolves.toBeUndefined();
      await expect(storage.delete('never-existed')).resolves.toBeUndefined();
      expect(await storage.list('')).toEqual([]);
    });

    it('lists by prefix, sorted, without over-matching', async () => {
      const keys = ['a/2', 'ab', 'a/1', 'a', 'b/1', 'a/10', 'a/ü', 'a/ 1', 'a/!', 'A/1', 'a%2F1'];
      for (const key of keys.slice().reverse()) await storage.set(key, key);
      expect(await storage.list('a/')).toEqual(['a/ 1', 'a/!', 'a/1', 'a/10', 'a/2', 'a/ü']);
      expect(await storage.list('a')).toEqual(['a', 'a%2F1', 'a/ 1', 'a/!', 'a/1', 'a/10', 'a/2', 'a/ü', 'ab']);
      expect(await storage.list('b/')).toEqual(['b/1']);
      expect(await storage.list('c')).toEqual([]);
      expect(await storage.list('')).toEqual([...keys].sort(byCodePoint));
    });

    it('treats prefix characters literally (no wildcards)', async () => {
      for (const key of ['x%y', 'x_y', 'xAy', 'x*y', 'x?y', 'x[y']) await storage.set(key, 1);
      expect(await storage.list('x%')).toEqual(['x%y']);
      expect(await storage.list('x_')).toEqual(['x_y']);
      expect(await storage.list('x*')).toEqual(['x*y']);
      expect(await storage.list('x?')).toEqual(['x?y']);
      expect(await storage.list('x[')).toEqual(['x[y']);
    });

    it('sorts by code point (U+FF01 before an emoji) and lists under a non-ASCII prefix', async () => {
      for (const key of ['日/🚀', '日/\uff01', '日/a', '日本']) await storage.set(key, 1);
      expect(await storage.list('日/')).toEqual(['日/a', '日/\uff01', '日/🚀']);
    });

    it('sorts ISO-time audit keys by time', async () => {
      const times = ['2024-03-01T10:00:00.000Z', '2023-12-31T23:59:59.999Z', '2024-03-01T09:59:59.000Z'];
      for (const t of times) await storage.set(`audit/${t}/x`, t);
      const listed = await storage.list('audit/');
      expect(listed).toEqual([...times].sort().map((t) => `audit/${t}/x`));
    });

    it('loses no update when several callers updateWithRetry at once', async () => {
      const callers = 4;
      const perCaller = 5;
      const increment = (n: number | undefined) => (n ?? 0) + 1;
      await Promise.all(
        Array.from({ length: callers }, async () => {
          for (let i = 0; i < perCaller; i++) await updateWithRetry<number>(storage, 'counter', increment, 100);
        }),
      );
      expect((await storage.get('counter'))?.value).toBe(callers * perCaller);
    });

    it('loses no update with 20 simultaneous single increments', async () => {
      await Promise.all(
        Array.from({ length: 20 }, () => updateWithRetry<{ n: number }>(storage, 'c', (cur) => ({ n: (cur?.n ?? 0) + 1 }), 100)),
      );
      expect((await storage.get('c'))?.value).toEqual({ n: 20 });
    });
  });
}

function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
