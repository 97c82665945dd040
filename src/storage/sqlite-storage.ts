import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, StatementSync } from 'node:sqlite';
import { SetOptions, Storage, StorageConflictError, StoredItem } from './storage';
import { StorageError } from './storage-error';

export interface SqliteStorageOptions {
  /** Told once, when the file is found deleted or replaced while open (log it at error). */
  onFileLost?: (path: string) => void;
}

interface Row {
  value: string;
  etag: string;
}

/**
 * The smallest string greater than every string that starts with `prefix`, for a range scan
 * that uses the primary key index (LIKE would need escaping and skips the index). Undefined
 * when no such bound exists (empty prefix, or it ends in U+10FFFF).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const chars = Array.from(prefix);
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      // Skip the surrogate range: those code points cannot be stored as UTF-8.
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      return chars.join('') + String.fromCodePoint(next);
    }
  }
  return undefined;
}

/**
 * The embedded default: one SQLite file, one table, through Node's built-in `node:sqlite`
 * (nothing native to build). It is synchronous, so each call runs to completion before the next
 * starts; conditional writes still run in an IMMEDIATE transaction so a second process on the
 * same file cannot interleave.
 *
 * A file deleted (or replaced) while open would go on taking writes into an unlinked inode, all
 * lost at the next start, where a form claim's absence could send the form twice. So every
 * write first checks that the path still names the file that was opened, and that the write-ahead
 * log is still the one SQLite writes to; if not, the write fails (StorageError, code
 * sqlite_file_lost) and onFileLost is told once. Every write is also checkpointed into the main
 * file at once, so a lost WAL never takes a committed write with it.
 */
const same = (stat: { dev: number; ino: number } | undefined, identity: { dev: number; ino: number }): boolean =>
  stat !== undefined && stat.dev === identity.dev && stat.ino === identity.ino;

export class SqliteStorage implements Storage {
  private readonly db: DatabaseSync;
  private readonly select: StatementSync;
  private readonly upsert: StatementSync;
  private readonly remove: StatementSync;
  private readonly rangeAll: StatementSync;
  private readonly range: StatementSync;

  private readonly identity: { dev: number; ino: number } | undefined;
  /** The -wal file's identity, once a write has made it. */
  private walIdentity: { dev: number; ino: number } | undefined;
  private lost = false;

  constructor(
    readonly path: string,
    private readonly options: SqliteStorageOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // Another process may hold the write lock briefly; wait instead of failing with SQLITE_BUSY.
    this.db = new DatabaseSync(path, { timeout: 5000 });
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER)');
    this.select = this.db.prepare('SELECT value, etag FROM items WHERE key = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO items (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    this.remove = this.db.prepare('DELETE FROM items WHERE key = ?');
    this.rangeAll = this.db.prepare('SELECT key FROM items WHERE key >= ? ORDER BY key');
    this.range = this.db.prepare('SELECT key FROM items WHERE key >= ? AND key < ? ORDER BY key');

    const opened = path === ':memory:' ? undefined : statSync(path);
    this.identity = opened && { dev: opened.dev, ino: opened.ino };
  }

  /** Throws when the file this storage opened, or its WAL, is no longer at its path (deleted, replaced). */
  private assertFile(operation: string, key: string): void {
    if (!this.identity) return;
    if (
      !this.lost &&
      same(statSync(this.path, { throwIfNoEntry: false }), this.identity) &&
      (!this.walIdentity || same(statSync(`${this.path}-wal`, { throwIfNoEntry: false }), this.walIdentity))
    )
      return;
    if (!this.lost) {
      this.lost = true;
      this.options.onFileLost?.(this.path);
    }
    throw new StorageError(operation, key, undefined, 'sqlite_file_lost');
  }

  async get<T>(key: string): Promise<StoredItem<T> | undefined> {
    const row = this.select.get(key) as Row | undefined;
    return row ? { value: JSON.parse(row.value) as T, eTag: row.etag } : undefined;
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<string> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`Storage value for ${key} is not JSON`);
    this.assertFile('set', key);
    const eTag = this.conditionalSet(key, json, options.ifMatch);
    this.written();
    return eTag;
  }

  /** After a write: into the main file at once, and the WAL it went through remembered. */
  private written(): void {
    if (!this.identity) return;
    this.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    if (!this.walIdentity) {
      const wal = statSync(`${this.path}-wal`, { throwIfNoEntry: false });
      this.walIdentity = wal && { dev: wal.dev, ino: wal.ino };
    }
  }

  private conditionalSet(key: string, json: string, ifMatch: string | null | undefined): string {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      if (ifMatch !== undefined) {
        const current = this.select.get(key) as Row | undefined;
        if (ifMatch === null ? current !== undefined : current?.etag !== ifMatch) throw new StorageConflictError(key);
      }
      const eTag = randomUUID();
      this.upsert.run(key, json, eTag, Date.now());
      this.db.exec('COMMIT');
      return eTag;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    this.assertFile('delete', key);
    this.remove.run(key);
    this.written();
  }

  async list(prefix: string): Promise<string[]> {
    const upper = prefixUpperBound(prefix);
    const rows = (upper === undefined ? this.rangeAll.all(prefix) : this.range.all(prefix, upper)) as unknown as { key: string }[];
    // The bound is exact for well-formed keys; the filter keeps a lone-surrogate prefix honest.
    return rows.map((row) => row.key).filter((key) => key.startsWith(prefix));
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
