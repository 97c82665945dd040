import type { ChangeEvent } from '../../src/notify/notify-event';
import { Outbox } from '../../src/notify/outbox';
import { Poller } from '../../src/notify/poller';
import { SubscriptionStore } from '../../src/notify/subscription-store';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { startClientHarness, type ClientHarness } from '../mmd/emulator-client';
import { emulatorAdmin, target } from './notify-fixtures';

jest.setTimeout(30_000);

let h: ClientHarness;

beforeAll(async () => {
  // 230 tickets: three pages of 100.
  h = await startClientHarness({ tickets: 230 });
});

afterAll(async () => {
  await h?.close();
});

interface Setup {
  storage: MemoryStorage;
  subscriptions: SubscriptionStore;
  outbox: Outbox;
  poller: Poller;
  clock: { t: number };
}

async function setup(options: { notesPerPoll?: number } = {}): Promise<Setup> {
  await fetch(`${h.emulator.url}/_emulator/reset`, { method: 'POST' });
  const storage = new MemoryStorage();
  const subscriptions = new SubscriptionStore(storage);
  const outbox = new Outbox(storage);
  const clock = { t: Date.parse('2026-11-22T12:00:00Z') };
  const poller = new Poller({ mmd: h.client, storage, subscriptions, outbox, now: () => new Date(clock.t), ...options });
  return { storage, subscriptions, outbox, poller, clock };
}

/** API calls the emulator saw since `from` (an index into its request log). */
function callsSince(from: number): string[] {
  return h.emulator
    .requestLog()
    .slice(from)
    .map((r) => `${r.method} ${decodeURIComponent(r.url).replace(/\?.*$/, '')}`);
}

async function someTicketIds(n: number): Promise<string[]> {
  return (await h.client.tickets.list({ top: n })).items.map((t) => t.id);
}

describe('Poller against the emulator', () => {
  it('takes a baseline first, then turns one change of a followed ticket into exactly one event', async () => {
    const s = await setup();
    const [id] = await someTicketIds(1);
    await s.subscriptions.subscribe(id!, target('conv-a'), 'user-1', new Date());
    await s.subscriptions.subscribe(id!, target('conv-b', 'channel'), 'user-2', new Date());

    const first = await s.poller.poll();
    expect(first).toMatchObject({ baseline: true, pages: 3, tickets: 230, events: 0 });
    expect(await s.outbox.pending()).toEqual([]);

    // Several changes in one poll: one event.
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, {
      state: 'resolved',
      severity: 1,
      nextActionOwner: 'Contoso desk',
    });
    const second = await s.poller.poll();
    expect(second.events).toBe(1);
    const events = (await s.outbox.pending()) as ChangeEvent[];
    expect(events).toHaveLength(1);
    expect(events[0]!.ticket.id).toBe(id);
    expect(events[0]!.subscribers.sort()).toEqual(['conv-a', 'conv-b']);
    expect(events[0]!.changes.filter((c) => c.kind === 'field').map((c) => c.kind === 'field' && [c.field, c.to])).toEqual([
      ['state', 'resolved'],
      ['severity', 1],
      ['nextActionOwner', 'Contoso desk'],
    ]);

    // Nothing new: no new event.
    expect((await s.poller.poll()).events).toBe(0);
    expect(await s.outbox.pending()).toHaveLength(1);
  });

  it('reads the notes of an open followed ticket every poll, a resolved one every 15 minutes', async () => {
    const s = await setup();
    const [id] = await someTicketIds(1);
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, { state: 'active' });
    const notes = await h.client.tickets.notes(id!);
    await s.subscriptions.subscribe(
      id!,
      target('conv-a'),
      'user-1',
      new Date(s.clock.t),
      notes.map((n) => String(n.id)),
    );
    await s.poller.poll(); // baseline of the list

    // Open, nothing else changed: the next poll reads its notes and finds the note.
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/notes`, { text: 'We pushed a fix.', sender: 'MMD Support' });
    const report = await s.poller.poll();
    expect(report).toMatchObject({ events: 1, notesCalls: 1 });
    const [event] = (await s.outbox.pending()) as ChangeEvent[];
    expect(event!.changes).toEqual([{ kind: 'note', note: expect.objectContaining({ sender: 'MMD Support', text: 'We pushed a fix.' }) }]);

    // A note together with a field change: one event holding both, found at once.
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/notes`, { text: 'Please confirm.' });
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, { state: 'resolved' });
    expect((await s.poller.poll()).events).toBe(1);
    const latest = ((await s.outbox.pending()) as ChangeEvent[]).find((e) => e.id !== event!.id)!;
    expect(latest.changes.map((c) => c.kind)).toEqual(['field', 'note']);

    // Resolved: a note-only change waits for the slow cadence.
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/notes`, { text: 'Closing soon.' });
    expect(await s.poller.poll()).toMatchObject({ events: 0, notesCalls: 0 });
    s.clock.t += 16 * 60_000;
    expect(await s.poller.poll()).toMatchObject({ events: 1, notesCalls: 1 });
  });

  it('costs one call per page plus one notes call per changed followed ticket, whatever the number of followers', async () => {
    // A budget that takes every note baseline in one poll, so the measured poll sees only changes.
    const s = await setup({ notesPerPoll: 1000 });
    const ids = await someTicketIds(3);
    // Resolved tickets: their notes are read on the slow cadence, so the measured poll reads
    // only the notes of tickets whose list entry changed.
    for (const id of ids) await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, { state: 'resolved' });
    // 300 conversations follow three tickets; a channel follows every resolved ticket of severity <= 2.
    for (let i = 0; i < 300; i++) await s.subscriptions.subscribe(ids[i % 3]!, target(`conv-${i}`), 'u', new Date());
    await s.subscriptions.saveTarget(target('team-channel', 'channel'));
    await s.subscriptions.setFilter('team-channel', { maxSeverity: 2, states: ['resolved'] });
    await s.poller.poll();
    await s.poller.poll(); // note baselines of the followed tickets

    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${ids[0]}/changes`, { severity: 2, nextActionOwner: 'Fabrikam desk' });
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${ids[1]}/notes`, { text: 'note only' });
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${ids[2]}/changes`, { nextActionOwner: 'Contoso desk' });
    const before = h.emulator.requestLog().length;
    const report = await s.poller.poll();
    const calls = callsSince(before);
    expect(calls.filter((c) => c.endsWith('/tickets'))).toHaveLength(3);
    // Notes of the two changed tickets only (the resolved note-only ticket waits for its cadence).
    expect(calls.filter((c) => c.endsWith('/notes')).sort()).toEqual(
      [`GET /support/odata/v1/tickets('${ids[0]}')/notes`, `GET /support/odata/v1/tickets('${ids[2]}')/notes`].sort(),
    );
    expect(calls).toHaveLength(5);
    expect(report.events).toBe(2);
    const events = (await s.outbox.pending()) as ChangeEvent[];
    const first = events.find((e) => e.ticket.id === ids[0])!;
    expect(first.subscribers).toHaveLength(101); // 100 direct + the channel (severity 2 now)
  });

  it('survives a crash between writing the event and saving the snapshot: no second event', async () => {
    const s = await setup();
    const [id] = await someTicketIds(1);
    await s.subscriptions.subscribe(id!, target('conv-a'), 'u', new Date());
    await s.poller.poll();
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, { state: 'resolved' });
    // The snapshot write fails once: the poll dies after the event was written.
    const set = s.storage.set.bind(s.storage);
    let failed = false;
    s.storage.set = async (key: string, value: unknown, options?: { ifMatch?: string | null }) => {
      if (key === 'notify/snapshot' && !failed) {
        failed = true;
        throw new Error('crash');
      }
      return set(key, value, options);
    };
    await expect(s.poller.poll()).rejects.toThrow('crash');
    expect(await s.outbox.pending()).toHaveLength(1);
    expect((await s.poller.poll()).events).toBe(0);
    expect(await s.outbox.pending()).toHaveLength(1);
    // A later, identical flip is a new event.
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, { state: 'active' });
    await s.poller.poll();
    await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, { state: 'resolved' });
    await s.poller.poll();
    expect(await s.outbox.pending()).toHaveLength(3);
  });

  it('tells a subscribe-all conversation about a new ticket that matches its filter', async () => {
    const s = await setup();
    await s.subscriptions.saveTarget(target('team-channel', 'channel'));
    await s.subscriptions.setFilter('team-channel', { maxSeverity: 2, states: ['active'] });
    await s.poller.poll();
    const created = await h.client.tickets.create({
      title: 'Printer',
      description: 'd',
      type: 'Incident',
      category: 'Devices',
      subcategory: 'Other',
      severity: 2,
      contact: { givenName: 'A', surname: 'B', email: 'a@b.c', phoneNumber: '1' },
    });
    await h.client.tickets.create({
      title: 'Low one',
      description: 'd',
      type: 'Incident',
      category: 'Devices',
      subcategory: 'Other',
      severity: 4,
      contact: { givenName: 'A', surname: 'B', email: 'a@b.c', phoneNumber: '1' },
    });
    expect((await s.poller.poll()).events).toBe(1);
    const [event] = (await s.outbox.pending()) as ChangeEvent[];
    expect(event).toMatchObject({ ticket: { id: created.id }, changes: [{ kind: 'created' }], subscribers: ['team-channel'] });
  });
});

describe('emulator admin routes', () => {
  it('refuse an unknown ticket, an empty change and a bad value, changing nothing', async () => {
    await fetch(`${h.emulator.url}/_emulator/reset`, { method: 'POST' });
    const [id] = await someTicketIds(1);
    const post = (path: string, body: unknown) =>
      fetch(`${h.emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/_emulator/tickets/MMD-NOPE/changes', { state: 'resolved' })).status).toBe(404);
    expect((await post(`/_emulator/tickets/${id}/changes`, {})).status).toBe(400);
    expect((await post(`/_emulator/tickets/${id}/changes`, { severity: 9 })).status).toBe(400);
    expect((await post(`/_emulator/tickets/${id}/changes`, { title: 'x' })).status).toBe(400);
    expect((await post(`/_emulator/tickets/${id}/notes`, { text: '' })).status).toBe(400);
    const ticket = await h.client.tickets.get(id!);
    expect(ticket!.severity).not.toBe(9);
    const changed = await emulatorAdmin(h.emulator.url, `/_emulator/tickets/${id}/changes`, {
      resolvedDateTime: '2026-11-22T10:00:00Z',
      state: 'resolved',
    });
    expect(changed).toMatchObject({ id, state: 'resolved', resolvedDateTime: '2026-11-22T10:00:00Z' });
    expect((await h.client.tickets.get(id!))!.state).toBe('resolved');
  });
});
