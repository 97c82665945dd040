/**
 * Microsoft's notes on followed tickets, as users meet them: `subscribe` over the bot's real
 * /api/messages, notes posted through the emulator's admin route, notifier rounds run directly
 * (one round = one poll), and the cards that reach the (fake) Bot Connector.
 */
import { fakeDate } from '../helpers/clock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { TEST_TENANT, cardOf, cardText, type SendOptions, answerText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { emulatorEnv } from '../helpers/emulator-env';
import { emulatorAdmin } from './notify-fixtures';

jest.setTimeout(60_000);

const PERSONAL: SendOptions = { conversationType: 'personal', conversationId: 'a:personal-adele' };

let emulator: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'notes-arrive-'));
});

afterAll(async () => {
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startBot(env: Record<string, string> = {}, storage?: SqliteStorage): Promise<TurnHarness> {
  return TurnHarness.start({
    storage,
    env: { ...emulatorEnv(emulator), ALLOW_UNAUTHENTICATED: 'true', ALLOWED_TENANT_IDS: TEST_TENANT, DEFAULT_ROLE: 'operator', ...env },
  });
}

const note = (id: string, text: string) =>
  emulatorAdmin(emulator.url, `/_emulator/tickets/${id}/notes`, { text, sender: 'Microsoft Support' });

function cardTextOrEmpty(activity: Record<string, unknown>): string {
  try {
    return cardText(cardOf(activity));
  } catch {
    return '';
  }
}

/** Texts of the ticket notification cards a conversation received. */
const notifications = (h: TurnHarness, conversationId = PERSONAL.conversationId!) =>
  h.connector
    .delivered(conversationId)
    .map((c) => cardTextOrEmpty(c.activity))
    .filter((t) => /Ticket updated/.test(t));

async function subscribe(h: TurnHarness, id: string): Promise<void> {
  const sent = await h.say(`subscribe ${id}`, PERSONAL);
  expect(sent.map((a) => answerText(a)).join('\n')).toMatch(/now gets an update/);
}

/** Open (New or Active) tickets of the emulator, as many as asked. */
async function openTickets(h: TurnHarness, n: number): Promise<string[]> {
  const items = (await h.app.mmd.tickets.list({ top: 200 })).items.filter((t) => ['new', 'active'].includes((t.state ?? '').toLowerCase()));
  expect(items.length).toBeGreaterThanOrEqual(n);
  return items.slice(0, n).map((t) => t.id);
}

describe('notes of followed tickets', () => {
  beforeEach(async () => {
    await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
  });

  it('a note posted a second after subscribing is announced on the next poll', async () => {
    const h = await startBot();
    const clock = fakeDate();
    try {
      await h.app.notify.notifier.runOnce(); // the list baseline
      const [id] = await openTickets(h, 1);
      await subscribe(h, id!);
      clock.advance(1000);
      await note(id!, 'Could you restart the device and tell us if it helps?');
      await h.app.notify.notifier.runOnce();
      const cards = notifications(h);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain(id!);
      expect(cards[0]).toContain('Could you restart the device');
    } finally {
      clock.restore();
      await h.stop();
    }
  });

  it('a note-only change on an open followed ticket arrives within one poll', async () => {
    const h = await startBot();
    try {
      await h.app.notify.notifier.runOnce();
      const [id] = await openTickets(h, 1);
      await subscribe(h, id!);
      await h.app.notify.notifier.runOnce(); // nothing new yet
      expect(notifications(h)).toEqual([]);
      await note(id!, 'We need the device logs.');
      await h.app.notify.notifier.runOnce();
      expect(notifications(h)).toEqual([expect.stringContaining('We need the device logs.')]);
      await h.app.notify.notifier.runOnce();
      expect(notifications(h)).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });

  it('with three times the notes budget of open followed tickets, every note arrives within three polls', async () => {
    const budget = 3;
    const h = await startBot({ NOTIFY_NOTES_PER_POLL: String(budget) });
    try {
      await h.app.notify.notifier.runOnce();
      const ids = await openTickets(h, 3 * budget);
      for (const id of ids) await subscribe(h, id);
      // Some polls first, so the round-robin is in its steady state, not at its start.
      await h.app.notify.notifier.runOnce();
      await h.app.notify.notifier.runOnce();
      for (const id of ids) await note(id, `Note for ${id}`);
      for (let poll = 0; poll < 3; poll++) await h.app.notify.notifier.runOnce();
      const cards = notifications(h);
      for (const id of ids) expect(cards.filter((c) => c.includes(`Note for ${id}`))).toHaveLength(1);
      expect(cards).toHaveLength(ids.length);
      expect(h.logs.join('')).toMatch(/more open followed tickets than the notes budget/);
    } finally {
      await h.stop();
    }
  });

  it('subscribe all: a note written right after it, on a ticket the channel now follows, is announced', async () => {
    const CHANNEL: SendOptions = { conversationType: 'channel', conversationId: '19:ops@thread.tacv2' };
    // A budget that reads every followed ticket's notes each poll (subscribe all follows many).
    const h = await startBot({ NOTIFY_NOTES_PER_POLL: '1000', DEFAULT_ROLE: 'admin' });
    try {
      await h.app.notify.notifier.runOnce();
      const sent = await h.say('subscribe all', CHANNEL);
      expect(sent.map((a) => answerText(a)).join('\n')).toMatch(/now hears about every ticket/);
      const [id] = await openTickets(h, 1);
      await note(id!, 'Posted right after subscribe all.');
      await h.app.notify.notifier.runOnce();
      const cards = notifications(h, CHANNEL.conversationId);
      expect(cards.filter((c) => c.includes('Posted right after subscribe all.'))).toHaveLength(1);
      // The notes written before `subscribe all` are not news.
      expect(cards).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });

  it('nothing is announced twice across a restart, and a note after it is announced once', async () => {
    const path = join(dir, 'restart.sqlite');
    const first = await startBot({}, new SqliteStorage(path));
    let id: string;
    try {
      await first.app.notify.notifier.runOnce();
      [id] = (await openTickets(first, 1)) as [string];
      await subscribe(first, id);
      await note(id, 'Before the restart.');
      await first.app.notify.notifier.runOnce();
      expect(notifications(first)).toEqual([expect.stringContaining('Before the restart.')]);
    } finally {
      await first.stop();
    }
    const second = await startBot({}, new SqliteStorage(path));
    try {
      // The new fake connector has another address: a turn stores it as the conversation's target.
      await second.say('subscriptions', PERSONAL);
      await second.app.notify.notifier.runOnce();
      await second.app.notify.notifier.runOnce();
      expect(notifications(second)).toEqual([]);
      await note(id, 'After the restart.');
      await second.app.notify.notifier.runOnce();
      await second.app.notify.notifier.runOnce();
      expect(notifications(second)).toEqual([expect.stringContaining('After the restart.')]);
    } finally {
      await second.stop();
    }
  });
});
