import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { StorageConflictError, type Storage } from '../storage/storage';

/**
 * Exactly one instance polls at a time. `tryAcquire` is called every `renewEveryMs` (a third
 * of the lease period): it takes the lease when free, renews it when held, and answers false
 * while another instance holds it. A holder that dies stops renewing; its lease runs out and
 * the next contender's call takes it, within one lease period.
 */
export interface Lease {
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
  /** Who holds it, when another does and the lease can say. */
  heldBy?(): Promise<string | undefined>;
}

/**
 * Memory storage lives in one process, so there is one instance by nature: the lease is always
 * held (one per process; a second LocalLease of the same name waits).
 */
const held = new Set<string>();

export class LocalLease implements Lease {
  private mine = false;

  constructor(private readonly name = 'notify-leader') {}

  async tryAcquire(): Promise<boolean> {
    if (this.mine) return true;
    if (held.has(this.name)) return false;
    held.add(this.name);
    this.mine = true;
    return true;
  }

  async release(): Promise<void> {
    if (this.mine) held.delete(this.name);
    this.mine = false;
  }
}

interface LeaseRecord {
  owner: string;
  /** Who holds it, in words, for the log of the one that waits. */
  holder: string;
  host?: string;
  pid?: number;
  until: number;
}

/** A holder on this machine whose process is gone (killed, crashed) holds nothing. */
function holderGone(record: LeaseRecord): boolean {
  if (record.host !== hostname() || typeof record.pid !== 'number' || record.pid === process.pid) return false;
  try {
    process.kill(record.pid, 0);
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'ESRCH';
  }
}

/**
 * A lease kept as a record in the shared storage (SQLite: every process on the same data
 * folder; the conditional write is one IMMEDIATE transaction): taken when free or expired,
 * renewed by its owner, given up at release. A process that dies stops renewing, and the next
 * contender takes it once `durationMs` has passed, or at once when the holder was a process on
 * this machine that no longer runs (a restart after a crash does not wait).
 */
export class StorageLease implements Lease {
  private readonly owner = randomUUID();
  private readonly holder = `process ${process.pid} on ${hostname()}`;
  private mine = false;

  constructor(
    private readonly storage: Storage,
    private readonly options: { name?: string; durationMs: number; now?: () => number },
  ) {}

  private get key(): string {
    return this.options.name ?? 'locks/notify-leader';
  }

  /** Who holds the lease now, when someone else does (for the log line of the one that waits). */
  async heldBy(): Promise<string | undefined> {
    const item = await this.storage.get<LeaseRecord>(this.key);
    const now = (this.options.now ?? Date.now)();
    return item && item.value.owner !== this.owner && item.value.until > now ? item.value.holder : undefined;
  }

  async tryAcquire(): Promise<boolean> {
    const now = (this.options.now ?? Date.now)();
    const record: LeaseRecord = {
      owner: this.owner,
      holder: this.holder,
      host: hostname(),
      pid: process.pid,
      until: now + this.options.durationMs,
    };
    const item = await this.storage.get<LeaseRecord>(this.key);
    if (item && item.value.owner !== this.owner && item.value.until > now && !holderGone(item.value)) return (this.mine = false);
    try {
      await this.storage.set(this.key, record, { ifMatch: item ? item.eTag : null });
      return (this.mine = true);
    } catch (err) {
      // Another process wrote it between the read and the write: it is theirs this time.
      if (err instanceof StorageConflictError) return (this.mine = false);
      throw err;
    }
  }

  async release(): Promise<void> {
    if (!this.mine) return;
    this.mine = false;
    const item = await this.storage.get<LeaseRecord>(this.key);
    if (item?.value.owner === this.owner)
      await this.storage.set(this.key, { ...item.value, until: 0 }, { ifMatch: item.eTag }).catch(() => undefined);
  }
}
