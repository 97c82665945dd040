import { JITTER_MARGIN_MS } from '../../src/notify/rate-limiter';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryError } from '../../src/notify/sender';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { textOf } from '../cards/card-checks';
import { FakeTeams } from './fake-teams';
import { target } from './notify-fixtures';
import { changeEvent, notifySystem, TICKET } from './notify-system';
import { VirtualClock } from './virtual-clock';

async function subscribeAll(system: ReturnType<typeof notifySystem>, keys: string[], kind: 'personal' | 'channel' = 'personal') {
  for (const key of keys) await system.subscriptions.subscribe(TICKET.id, target(key, kind), 'user', new Date());
}

describe('Delivery', () => {
  it('sends each subscriber one card and replies in the ticket thread in a channel', async () => {
    const clock = new VirtualClock();
    const teams = new FakeTeams(clock.now);
    const s = notifySystem(new MemoryStorage(), teams, clock);
    await subscribeAll(s, ['chat-1']);
    await subscribeAll(s, ['channel-1'], 'channel');

    await s.outbox.write(changeEvent('e1', ['chat-1', 'channel-1'], '2026-11-22T12:00:00Z'));
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 2 });
    await s.outbox.write(changeEvent('e2', ['chat-1', 'channel-1'], '2026-11-22T12:01:00Z'));
    await s.delivery.deliverPending();

    expect(teams.to('chat-1').map((r) => r.options.replyToId)).toEqual([undefined, undefined]);
    const channel = teams.to('channel-1');
    expect(channel.map((r) => r.options.replyToId)).toEqual([undefined, channel[0]!.activityId]);
    expect(textOf(channel[0]!.card)).toContain('Active → Resolved');
    expect(await s.outbox.pending()).toEqual([]);

    // Delivering again sends nothing: the records are the dedupe check.
    await s.outbox.write(changeEvent('e1', ['chat-1', 'channel-1'], '2026-11-22T12:00:00Z'));
    await s.delivery.deliverPending();
    expect(teams.received).toHaveLength(4);
  });

  it('retries a 429 after its Retry-After, and 503 with back-off', async () => {
    const clock = new VirtualClock();
    const teams = new FakeTeams(clock.now);
    const s = notifySystem(new MemoryStorage(), teams, clock);
    await subscribeAll(s, ['chat-1', 'chat-2']);
    teams.failNext('chat-1', new DeliveryError('throttled', '429', 429, 'Throttled', 7000));
    teams.failNext('chat-2', new DeliveryError('retryable', '503', 503));
    const start = clock.t;
    await s.outbox.write(changeEvent('e1', ['chat-1', 'chat-2'], '2026-11-22T12:00:00Z'));
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 2 });
    expect(teams.to('chat-1')[0]!.at - start).toBeGreaterThanOrEqual(7000);
    expect(teams.to('chat-2')[0]!.at - start).toBeGreaterThanOrEqual(500);
    expect(await s.outbox.pending()).toEqual([]);
  });

  it('leaves a subscriber pending when the retries run out, and sends on the next round', async () => {
    const clock = new VirtualClock();
    const teams = new FakeTeams(clock.now);
    const s = notifySystem(new MemoryStorage(), teams, clock);
    await subscribeAll(s, ['chat-1']);
    teams.failNext('chat-1', ...Array.from({ length: 6 }, () => new DeliveryError('retryable', '502', 502)));
    await s.outbox.write(changeEvent('e1', ['chat-1'], '2026-11-22T12:00:00Z'));
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 0, deferred: 1 });
    expect(await s.outbox.pending()).toHaveLength(1);
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 1 });
    expect(await s.outbox.pending()).toEqual([]);
  });

  it('drops the conversation and its subscriptions on a stop answer, and a refused message is not retried', async () => {
    const clock = new VirtualClock();
    const teams = new FakeTeams(clock.now);
    const s = notifySystem(new MemoryStorage(), teams, clock);
    await subscribeAll(s, ['blocked', 'fine', 'too-big']);
    await s.subscriptions.setFilter('blocked', { maxSeverity: 2 });
    teams.failNext('blocked', new DeliveryError('stop', '403', 403, 'ConversationBlockedByUser'));
    teams.failNext('too-big', new DeliveryError('fatal', '413', 413, 'MessageSizeTooBig'));
    await s.outbox.write(changeEvent('e1', ['blocked', 'fine', 'too-big'], '2026-11-22T12:00:00Z'));
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 1, dropped: 1, failed: 1 });
    expect(await s.subscriptions.getTarget('blocked')).toBeUndefined();
    expect(await s.subscriptions.subscribersOf(TICKET.id)).toEqual(['fine', 'too-big']);
    expect(await s.subscriptions.ticketsOf('blocked')).toEqual([]);
    expect(await s.subscriptions.getFilter('blocked')).toBeUndefined();
    expect(await s.outbox.record('e1', 'blocked')).toMatchObject({ state: 'dropped' });
    expect(await s.outbox.record('e1', 'too-big')).toMatchObject({ state: 'failed' });
    expect(await s.outbox.pending()).toEqual([]);
    expect(teams.received.map((r) => r.conversation)).toEqual(['fine']);
  });

  it('sends a legacy subscription (raw conversation reference, no stored target) to that reference, and migrates it', async () => {
    const clock = new VirtualClock();
    const teams = new FakeTeams(clock.now);
    const storage = new MemoryStorage();
    const s = notifySystem(storage, teams, clock);
    await storage.set(`subscriptions/${TICKET.id}/${encodeURIComponent('19:abc@thread.v2')}`, {
      ticketId: TICKET.id,
      reference: {
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        bot: { id: '28:bot' },
        conversation: { id: '19:abc@thread.v2', conversationType: 'channel', tenantId: 't1' },
      },
      subscribedBy: 'u',
      at: '2026-11-01T00:00:00Z',
      lastState: 'active',
    });
    expect(await s.subscriptions.subscribersOf(TICKET.id)).toEqual(['19:abc@thread.v2']);
    await s.outbox.write(changeEvent('e1', ['19:abc@thread.v2'], '2026-11-22T12:00:00Z'));
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 1 });
    expect(teams.received[0]!.conversation).toBe('19:abc@thread.v2');

    // Migrated: the index and the target exist, the raw reference is gone, delivery unchanged.
    expect(await s.subscriptions.migrateLegacy()).toBe(1);
    expect(await s.subscriptions.migrateLegacy()).toBe(0);
    expect(await s.subscriptions.ticketsOf('19:abc@thread.v2')).toEqual([TICKET.id]);
    expect(await s.subscriptions.getTarget('19:abc@thread.v2')).toEqual({
      key: '19:abc@thread.v2',
      conversationId: '19:abc@thread.v2',
      kind: 'channel',
      tenantId: 't1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      botId: '28:bot',
    });
    const raw = await storage.get<Record<string, unknown>>(`subscriptions/${TICKET.id}/${encodeURIComponent('19:abc@thread.v2')}`);
    expect(raw!.value.reference).toBeUndefined();
    await s.outbox.write(changeEvent('e2', ['19:abc@thread.v2'], '2026-11-22T12:01:00Z'));
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 1 });
    // In a channel, the second update replies under the first.
    expect(teams.received[1]!.options.replyToId).toBe(teams.received[0]!.activityId);
  });

  it('holds changes in quiet hours and sends them as one digest when the window opens', async () => {
    // 21:00 in Berlin; quiet 20:00-08:00.
    const clock = new VirtualClock(Date.parse('2026-01-15T20:00:00Z'));
    const teams = new FakeTeams(clock.now);
    const s = notifySystem(new MemoryStorage(), teams, clock);
    await subscribeAll(s, ['chat-1', 'chat-2']);
    await s.settings.set('chat-1', { digest: 'off', quiet: { start: '20:00', end: '08:00' }, timeZone: 'Europe/Berlin' });
    for (const [id, at] of [
      ['e1', '2026-01-15T20:00:00Z'],
      ['e2', '2026-01-15T22:00:00Z'],
      ['e3', '2026-01-16T01:00:00Z'],
    ] as const) {
      await s.outbox.write(changeEvent(id, ['chat-1', 'chat-2'], at, { ...TICKET, id: `MMD-${id}` }));
    }
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 3, held: 3 });
    expect(teams.to('chat-1')).toEqual([]);
    expect(await s.delivery.releaseHeld()).toBe(0);

    clock.t = Date.parse('2026-01-16T06:59:00Z'); // 07:59 Berlin
    expect(await s.delivery.releaseHeld()).toBe(0);
    clock.t = Date.parse('2026-01-16T07:00:00Z'); // 08:00
    expect(await s.delivery.releaseHeld()).toBe(1);
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 1 });
    const digest = teams.to('chat-1');
    expect(digest).toHaveLength(1);
    expect(textOf(digest[0]!.card)).toContain('3 updates on 3 tickets');
    // Released once: nothing more held, nothing sent twice.
    expect(await s.delivery.releaseHeld()).toBe(0);
    await s.delivery.deliverPending();
    expect(teams.to('chat-1')).toHaveLength(1);
    expect(teams.to('chat-2')).toHaveLength(3);
  });

  it('fans out to 200 subscribers within the limits: no 429, one card each', async () => {
    const clock = new VirtualClock();
    const teams = new FakeTeams(clock.now, 50);
    const s = notifySystem(new MemoryStorage(), teams, clock);
    const keys = Array.from({ length: 200 }, (_, i) => `chat-${i}`);
    await subscribeAll(s, keys);
    const start = clock.t;
    await s.outbox.write(changeEvent('e1', keys, '2026-11-22T12:00:00Z'));
    expect(await s.delivery.deliverPending()).toMatchObject({ sent: 200 });
    expect(teams.throttled).toBe(0);
    expect(new Set(teams.received.map((r) => r.conversation)).size).toBe(200);
    // 200 at 50/s: the last send 3 windows (a second plus the jitter margin) after the first;
    // the ceiling is used, not undershot.
    expect(teams.received[199]!.at - start).toBe(3 * (1000 + JITTER_MARGIN_MS));
  });
});

describe('Delivery across crashes (SQLite file kept between runs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'notify-crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every one of 200 subscribers every change exactly once, however often it dies', async () => {
    const path = join(dir, 'notify.sqlite');
    const clock = new VirtualClock();
    const keys = Array.from({ length: 200 }, (_, i) => `chat-${i}`);
    const events = ['e1', 'e2', 'e3'];
    // Seeded pseudo-random crash points, so a failure can be replayed.
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

    {
      const storage = new SqliteStorage(path);
      const s = notifySystem(storage, new FakeTeams(clock.now), clock);
      await subscribeAll(s, keys);
      for (const [i, id] of events.entries())
        await s.outbox.write(changeEvent(id, keys, `2026-11-22T12:0${i}:00Z`, { ...TICKET, id: `MMD-${id}` }));
      await storage.close();
    }

    // Every send that reached Teams, across all runs.
    const delivered: string[] = [];
    let runs = 0;
    let crashes = 0;
    let interrupted = 0;
    for (; runs < 100; runs++) {
      const storage = new SqliteStorage(path);
      const teams = new FakeTeams(clock.now);
      const s = notifySystem(storage, teams, clock);
      let sends = 0;
      const crashAt = Math.floor(random() * 100);
      const mode = random();
      let stop = false;
      teams.beforeSend = () => {
        sends += 1;
        if (sends < crashAt) return;
        if (mode < 0.5) throw new Error('process died'); // dies with a send about to go out
        stop = true; // shut down mid-batch
      };
      // Also die inside storage now and then: writing a held item, a thread root or completing the event.
      const set = storage.set.bind(storage);
      const del = storage.delete.bind(storage);
      storage.set = async (key: string, value: unknown, options?: { ifMatch?: string | null }) => {
        if (!key.startsWith('notify/delivered/') && random() < 0.01) throw new Error('process died in a write');
        return set(key, value, options);
      };
      storage.delete = async (key: string) => {
        if (random() < 0.3) throw new Error('process died in a delete');
        return del(key);
      };
      try {
        await s.delivery.deliverPending(() => stop);
      } catch {
        crashes += 1;
      }
      delivered.push(...teams.received.map((r) => `${r.conversation}|${textOf(r.card).split('\n')[0]}`));
      const left = (await s.outbox.pending()).length;
      await storage.close();
      if (left === 0) break;
      interrupted += 1;
    }
    expect(interrupted).toBeGreaterThanOrEqual(5);
    expect(crashes).toBeGreaterThanOrEqual(2);
    expect(delivered).toHaveLength(600);
    expect(new Set(delivered).size).toBe(600);
    for (const id of events) expect(delivered.filter((d) => d.endsWith(`MMD-${id}`))).toHaveLength(200);
  });
});
