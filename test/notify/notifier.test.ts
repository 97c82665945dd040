import { randomUUID } from 'node:crypto';
import type { MmdClient } from '../../src/mmd/mmd-client';
import { SettingsStore } from '../../src/notify/conversation-settings';
import { Delivery } from '../../src/notify/delivery';
import { MessageStore } from '../../src/notify/message-store';
import { startNotifier, type RunningNotifier } from '../../src/notify/notifier';
import { Outbox } from '../../src/notify/outbox';
import { Poller } from '../../src/notify/poller';
import { RateLimiter, teamsLimits } from '../../src/notify/rate-limiter';
import { SubscriptionStore } from '../../src/notify/subscription-store';
import { BlobLease } from '../../src/storage/blob-lease';
import { BlobStorage } from '../../src/storage/blob-storage';
import { Azurite, startAzurite } from '../helpers/azurite';
import { startClientHarness, type ClientHarness } from '../mmd/emulator-client';
import { FakeTeams } from './fake-teams';
import { emulatorAdmin, target } from './notify-fixtures';

jest.setTimeout(90_000);

let azurite: Azurite;
let h: ClientHarness;

beforeAll(async () => {
  [azurite, h] = await Promise.all([startAzurite(), startClientHarness({ tickets: 40 })]);
});

afterAll(async () => {
  await Promise.all([azurite?.stop(), h?.close()]);
});

/** A lease whose holder dies: it never gives the lease back, it just stops renewing. */
class DyingLease extends BlobLease {
  override async release(): Promise<void> {}
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('two instances on one Azurite store', () => {
  it('only the leader polls; when it dies the other takes over and nothing is delivered twice', async () => {
    const container = `t-${randomUUID()}`;
    const teams = new FakeTeams(Date.now);
    const listCalls = [0, 0];
    const instances: RunningNotifier[] = [];
    const leases: BlobLease[] = [];
    for (const i of [0, 1]) {
      const storage = await BlobStorage.connect({ connectionString: azurite.connectionString, container });
      const subscriptions = new SubscriptionStore(storage);
      const outbox = new Outbox(storage);
      const mmd: Pick<MmdClient, 'tickets'> = {
        tickets: {
          ...h.client.tickets,
          list: (query) => {
            listCalls[i]! += 1;
            return h.client.tickets.list(query);
          },
        },
      };
      const delivery = new Delivery({
        outbox,
        subscriptions,
        settings: new SettingsStore(storage),
        messages: new MessageStore(storage),
        sender: teams,
        limiter: new RateLimiter(teamsLimits(50)),
        now: () => new Date(),
        sleep,
      });
      if (i === 0) {
        const [ticket] = (await h.client.tickets.list({ top: 1 })).items;
        await subscriptions.subscribe(ticket!.id, target('chat-1'), 'u', new Date());
        await subscriptions.subscribe(ticket!.id, target('channel-1', 'channel'), 'u', new Date());
      }
      const lease = new DyingLease({
        connectionString: azurite.connectionString,
        container,
        name: 'locks/notify-leader',
        durationSeconds: 15,
      });
      leases.push(lease);
      const poller = new Poller({ mmd, storage, subscriptions, outbox, now: () => new Date() });
      instances.push(startNotifier({ lease, poller, delivery, pollSeconds: 1, renewEveryMs: 1000 }));
    }
    try {
      const [ticket] = (await h.client.tickets.list({ top: 1 })).items;
      await until('a leader', () => instances.some((n) => n.isLeader()));
      const leader = instances.findIndex((n) => n.isLeader());
      const other = 1 - leader;
      // The leader's first round takes the baseline.
      await until('the baseline', () => listCalls[leader]! > 0);
      await sleep(1500);

      await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${ticket!.id}/changes`, { state: 'resolved' });
      await until('the first notification', () => teams.received.length === 2);
      expect(instances[other]!.isLeader()).toBe(false);
      expect(listCalls[other]).toBe(0);

      // The leader dies: its timers stop, its lease is not given back.
      await instances[leader]!.stop();
      const died = Date.now();
      await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${ticket!.id}/changes`, { state: 'active', nextActionOwner: 'Contoso desk' });
      await until('the takeover', () => instances[other]!.isLeader(), 25_000);
      expect(Date.now() - died).toBeLessThan(17_500);
      await until('the second notification', () => teams.received.length === 4);
      // The old leader, back from a pause, finds it has lost the lease.
      expect(await leases[leader]!.tryAcquire()).toBe(false);
      await sleep(2500); // a few more rounds: nothing else may arrive

      expect(listCalls[other]).toBeGreaterThan(0);
      expect(teams.received.map((r) => r.conversation).sort()).toEqual(['channel-1', 'channel-1', 'chat-1', 'chat-1']);
      const channel = teams.to('channel-1');
      expect(channel[1]!.options.replyToId).toBe(channel[0]!.activityId);
      expect(teams.throttled).toBe(0);
    } finally {
      await Promise.all(instances.map((n) => n.stop()));
    }
  });
});
