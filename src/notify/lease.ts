/**
 * Exactly one instance polls at a time. `tryAcquire` is called every `renewEveryMs` (a third
 * of the lease period): it takes the lease when free, renews it when held, and answers false
 * while another instance holds it. A holder that dies stops renewing; its lease runs out and
 * the next contender's call takes it, within one lease period.
 */
export interface Lease {
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * SQLite and memory storage live in one process, so there is one instance by nature: the
 * lease is always held (one per process; a second LocalLease of the same name waits).
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
