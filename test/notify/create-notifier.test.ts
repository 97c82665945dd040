import { ticketDetailCard } from '../../src/cards/ticket-detail-card';
import { createNotifier } from '../../src/notify/create-notifier';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { textOf } from '../cards/card-checks';
import { startClientHarness, type ClientHarness } from '../mmd/emulator-client';
import { FakeTeams } from './fake-teams';
import { emulatorAdmin, target } from './notify-fixtures';

jest.setTimeout(30_000);

let h: ClientHarness;

beforeAll(async () => {
  h = await startClientHarness({ tickets: 30 });
});

afterAll(async () => {
  await h?.close();
});

describe('createNotifier', () => {
  it('wires poller, outbox and delivery: a change reaches the subscriber, a shown ticket card is refreshed in place, unsubscribe stops it', async () => {
    const teams = new FakeTeams(Date.now);
    const log = { info() {}, warn() {}, error() {} };
    const parts = await createNotifier({
      config: { notify: { pollSeconds: 3600, maxPerSecond: 50, notesPerPoll: 20 }, storage: { kind: 'memory' } },
      storage: new MemoryStorage(),
      mmd: h.client,
      sender: teams,
      log,
      // The bot's own ticket card, fetched fresh once per refresh.
      refreshCard: async (event) => {
        const ticket = await h.client.tickets.get(event.ticket.id);
        return ticket ? ticketDetailCard({ ticket, now: new Date() }) : undefined;
      },
    });
    try {
      const [ticket] = (await h.client.tickets.list({ top: 1 })).items;
      const id = ticket!.id;
      await parts.subscriptions.subscribe(id, target('chat-1'), 'u', new Date());
      await parts.messages.setShownCard('chat-1', id, 'shown-card-activity');
      await parts.notifier.runOnce(); // baseline

      await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, { severity: 1 });
      await parts.notifier.runOnce();
      expect(teams.received.map((r) => r.options.updateActivityId)).toEqual([undefined, 'shown-card-activity']);
      expect(textOf(teams.received[0]!.card)).toContain('Severity');
      expect(textOf(teams.received[1]!.card)).toContain('Critical');

      expect(await parts.subscriptions.unsubscribe(id, 'chat-1')).toBe(true);
      expect(await parts.subscriptions.ticketsOf('chat-1')).toEqual([]);
      await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, { severity: 4 });
      await parts.notifier.runOnce();
      expect(teams.received).toHaveLength(2);
    } finally {
      await parts.notifier.stop();
    }
  });
});
