import { createLogger } from '../../../src/log/logger';
import { createRedactionScheduler } from '../../../src/bot/security/redaction-scheduler';
import type { PendingRedaction } from '../../../src/state/redaction-store';
import { storedReference } from '../../../src/state/stored-reference';
import { MemoryStorage } from '../../../src/storage/memory-storage';

const reference = storedReference({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  bot: { id: 'bot-1', name: 'MMD Assist' },
  user: { id: 'user-1', name: 'Adele' },
  conversation: { id: 'personal-1', isGroup: false, conversationType: 'personal', name: '', tenantId: 't' },
})!;

function setup(redact: (p: PendingRedaction) => Promise<void>, revealSeconds = 60) {
  const storage = new MemoryStorage();
  let clock = new Date('2030-01-01T00:00:00Z');
  const scheduler = createRedactionScheduler({
    storage,
    logger: createLogger({ level: 'silent' }),
    now: () => clock,
    revealSeconds,
    redact,
    maxAttempts: 3,
  });
  return { storage, scheduler, advance: (s: number) => (clock = new Date(clock.getTime() + s * 1000)) };
}

const statusError = (statusCode: number) => Object.assign(new Error(`status ${statusCode}`), { statusCode });

describe('redaction scheduler', () => {
  it('keeps only where the card is, runs nothing before it is due, everything due in due order', async () => {
    const done: string[] = [];
    const { storage, scheduler, advance } = setup(async (p) => void done.push(p.activityId));
    await scheduler.schedule({ reference, activityId: 'a', deviceName: 'MMD-1' });
    advance(1);
    await scheduler.schedule({ reference, activityId: 'b', deviceName: 'MMD-2' });
    const [key] = await storage.list('redactions/');
    expect(key).toMatch(/^redactions\/2030-01-01T00:01:00\.000Z\/[0-9a-f-]{36}$/);
    expect(Object.keys((await storage.get<Record<string, unknown>>(key!))!.value).sort()).toEqual([
      'activityId',
      'attempts',
      'deviceName',
      'dueAt',
      'reference',
    ]);

    expect(await scheduler.sweep()).toBe(0);
    advance(59);
    expect(await scheduler.sweep()).toBe(1);
    advance(5);
    expect(await scheduler.sweep()).toBe(1);
    expect(done).toEqual(['a', 'b']);
    expect(await storage.list('redactions/')).toEqual([]);
    await scheduler.stop();
  });

  it('retries a transient failure with the attempt count kept, and gives up after maxAttempts', async () => {
    let calls = 0;
    const { storage, scheduler, advance } = setup(async () => {
      calls += 1;
      throw statusError(503);
    });
    await scheduler.schedule({ reference, activityId: 'a', deviceName: 'MMD-1' });
    advance(61);
    await scheduler.sweep();
    const [key] = await storage.list('redactions/');
    expect((await storage.get<PendingRedaction>(key!))!.value.attempts).toBe(1);
    await scheduler.sweep();
    await scheduler.sweep();
    expect(calls).toBe(3);
    expect(await storage.list('redactions/')).toEqual([]);
    await scheduler.stop();
  });

  it('drops a redaction whose message or conversation is gone (404/403) at once', async () => {
    let calls = 0;
    const { storage, scheduler, advance } = setup(async () => {
      calls += 1;
      throw statusError(404);
    });
    await scheduler.schedule({ reference, activityId: 'a', deviceName: 'MMD-1' });
    advance(61);
    await scheduler.sweep();
    expect(calls).toBe(1);
    expect(await storage.list('redactions/')).toEqual([]);
    await scheduler.stop();
  });

  it('deletes an unreadable record instead of failing on it forever', async () => {
    const { storage, scheduler } = setup(async () => undefined);
    await storage.set('redactions/2000-01-01T00:00:00.000Z/x', { junk: true });
    expect(await scheduler.sweep()).toBe(0);
    expect(await storage.list('redactions/')).toEqual([]);
    await scheduler.stop();
  });

  it('runs a redaction by its own timer when due (real clock), and not after stop', async () => {
    const storage = new MemoryStorage();
    const done: string[] = [];
    const scheduler = createRedactionScheduler({
      storage,
      logger: createLogger({ level: 'silent' }),
      now: () => new Date(),
      revealSeconds: 0,
      redact: async (p) => void done.push(p.activityId),
    });
    await scheduler.schedule({ reference, activityId: 'timed', deviceName: 'MMD-1' });
    const start = Date.now();
    while (done.length === 0 && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
    expect(done).toEqual(['timed']);

    await scheduler.schedule({ reference, activityId: 'late', deviceName: 'MMD-1' });
    await scheduler.stop();
    await new Promise((r) => setTimeout(r, 150));
    expect(done).toEqual(['timed']);
    expect(await storage.list('redactions/')).toHaveLength(1);
  });
});
