import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { prefixUpperBound, SqliteStorage } from '../../src/storage/sqlite-storage';
import { StorageConflictError } from '../../src/storage/storage';
import { StorageError } from '../../src/storage/storage-error';
import { describeStorageConformance } from './conformance';

let dir: string;
let files = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-storage-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const freshPath = () => join(dir, `nested-${++files}`, 'deeper', 'store.sqlite');

describeStorageConformance('SqliteStorage', async () => new SqliteStorage(freshPath()));

describe('SqliteStorage on disk', () => {
  it.each([
    ['deleted', (path: string) => rmSync(path)],
    [
      'replaced',
      (path: string) => {
        copyFileSync(path, `${path}.copy`);
        renameSync(`${path}.copy`, path);
      },
    ],
  ])('refuses every write once its file is %s while open, and says so once', async (_how, lose) => {
    const path = freshPath();
    const lost: string[] = [];
    const storage = new SqliteStorage(path, { onFileLost: (p) => lost.push(p) });
    await storage.set('forms/a', { state: 'done' });
    lose(path);
    await expect(storage.set('forms/b', { state: 'pending' }, { ifMatch: null })).rejects.toBeInstanceOf(StorageError);
    await expect(storage.set('forms/b', 1)).rejects.toThrow(/sqlite_file_lost/);
    await expect(storage.delete('forms/a')).rejects.toThrow(/sqlite_file_lost/);
    expect(lost).toEqual([path]);
    await storage.close();
  });

  it('creates the parent directory and keeps data across close and reopen', async () => {
    const path = freshPath();
    const first = new SqliteStorage(path);
    const eTag = await first.set('conv/1', { ref: 'x' });
    await first.set('conv/2', 2);
    await first.close();
    expect(existsSync(path)).toBe(true);

    const second = new SqliteStorage(path);
    expect(await second.get('conv/1')).toEqual({ value: { ref: 'x' }, eTag });
    expect(await second.list('conv/')).toEqual(['conv/1', 'conv/2']);
    await expect(second.set('conv/1', 'y', { ifMatch: 'stale' })).rejects.toBeInstanceOf(StorageConflictError);
    await second.set('conv/1', 'y', { ifMatch: eTag });
    await second.close();
  });

  it('uses WAL and the documented table shape', async () => {
    const path = freshPath();
    const storage = new SqliteStorage(path);
    await storage.set('k', { v: 1 });
    await storage.close();
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      const row = db.prepare('SELECT key, value, etag, updated_at FROM items').get() as Record<string, unknown>;
      expect(row).toMatchObject({ key: 'k', value: '{"v":1}' });
      expect(typeof row.etag).toBe('string');
      expect(typeof row.updated_at).toBe('number');
    } finally {
      db.close();
    }
  });

  it('sees writes from a second connection to the same file (two instances of the bot)', async () => {
    const path = freshPath();
    const a = new SqliteStorage(path);
    const b = new SqliteStorage(path);
    const eTag = await a.set('k', 1);
    expect(await b.get('k')).toEqual({ value: 1, eTag });
    await b.set('k', 2, { ifMatch: eTag });
    await expect(a.set('k', 3, { ifMatch: eTag })).rejects.toBeInstanceOf(StorageConflictError);
    await a.close();
    await b.close();
  });

  it('close is idempotent', async () => {
    const storage = new SqliteStorage(freshPath());
    await storage.close();
    await expect(storage.close()).resolves.toBeUndefined();
  });
});

describe('prefixUpperBound', () => {
  it('bumps the last code point', () => {
    expect(prefixUpperBound('a/')).toBe('a0');
    expect(prefixUpperBound('x🚀')).toBe('x🚁');
    expect(prefixUpperBound('\ud7ff')).toBe('\ue000');
  });

  it('has no bound for the empty prefix or a trailing U+10FFFF run', () => {
    expect(prefixUpperBound('')).toBeUndefined();
    expect(prefixUpperBound('\u{10ffff}')).toBeUndefined();
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
  });
});
