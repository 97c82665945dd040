import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { StorageLease } from '../../src/notify/lease';
import { SqliteStorage } from '../../src/storage/sqlite-storage';

/*
 * Issue 20: two processes on one SQLite data folder both "led" the notifier and posted
 * contradicting cards into the same chats. Now the lease is a record in the file: one leads,
 * the other says so at start and takes over when the leader is gone.
 */

describe('one notifier leader per SQLite data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mmd-leader-'));
  const path = join(dir, 'bot.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two connections to one file (two processes): one holds the lease; a crashed holder is replaced after it expires', async () => {
    let clock = 1_000_000;
    const now = () => clock;
    const a = new SqliteStorage(path);
    const b = new SqliteStorage(path);
    try {
      const first = new StorageLease(a, { durationMs: 30_000, now });
      const second = new StorageLease(b, { durationMs: 30_000, now });
      expect(await first.tryAcquire()).toBe(true);
      expect(await second.tryAcquire()).toBe(false);
      expect(await second.heldBy()).toMatch(/^process \d+ on /);
      clock += 20_000;
      expect(await first.tryAcquire()).toBe(true); // renewed
      clock += 20_000;
      expect(await second.tryAcquire()).toBe(false); // still within the renewed period
      // The holder dies (no renewal, no release): after the lease runs out the other takes it.
      clock += 11_000;
      expect(await second.tryAcquire()).toBe(true);
      expect(await first.tryAcquire()).toBe(false);
      // A clean stop gives it up at once.
      await second.release();
      expect(await first.tryAcquire()).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a holder that was a process on this machine and no longer runs is replaced at once (a restart after a crash)', async () => {
    const storage = new SqliteStorage(join(dir, 'crashed.sqlite'));
    try {
      // pid 2^22 + 1 is above Linux's pid_max ceiling: no such process.
      await storage.set('locks/notify-leader', {
        owner: 'dead',
        holder: 'process 4194305 on this host',
        host: hostname(),
        pid: 4194305,
        until: Date.now() + 30_000,
      });
      expect(await new StorageLease(storage, { durationMs: 30_000 }).tryAcquire()).toBe(true);
      // One that still runs (this test's own parent) is respected.
      await storage.set('locks/notify-leader', {
        owner: 'alive',
        holder: 'the parent',
        host: hostname(),
        pid: process.ppid,
        until: Date.now() + 30_000,
      });
      expect(await new StorageLease(storage, { durationMs: 30_000 }).tryAcquire()).toBe(false);
    } finally {
      await storage.close();
    }
  });

  it('two bots on one data folder: one leads, the other says so at start and takes over when it stops', async () => {
    const shared = join(dir, 'two-bots.sqlite');
    const logs: string[] = [];
    const start = async (): Promise<RunningApp> =>
      startApp(loadConfig({ PORT: '0', STORAGE: `sqlite:${shared}`, NOTIFY_POLL_SECONDS: '5', LOG_LEVEL: 'info' }), {
        host: '127.0.0.1',
        logger: createLogger({
          level: 'info',
          destination: new Writable({ write: (chunk: Buffer, _enc, cb) => (logs.push(chunk.toString('utf8')), cb()) }),
        }),
      });
    const until = async (what: string, check: () => boolean): Promise<void> => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
      if (!check()) throw new Error(`timed out waiting for ${what}`);
    };
    const one = await start();
    let two: RunningApp | undefined;
    try {
      await until('the first to lead', () => one.notify.notifier.isLeader());
      two = await start();
      await until('the second to say who leads', () => logs.some((l) => l.includes('already sends the notifications for this storage')));
      expect(two.notify.notifier.isLeader()).toBe(false);
      await one.stop();
      // The second renews every 2.5 s (half the poll period): it takes over within that.
      await until('the second to take over', () => two!.notify.notifier.isLeader());
    } finally {
      await two?.stop();
      await one.stop().catch(() => undefined);
    }
  }, 20_000);
});
