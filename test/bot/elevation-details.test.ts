import { EXAMPLE_DEVICE, EXAMPLE_ELEVATED_DEVICE } from '../../src/emulator/seed';
import type { Storage } from '../../src/storage/storage';
import { BotHarness, DEFAULT_USER, cardOf, cardText, type InvokeResponse, linesInto } from '../helpers/bot-harness';
import { findActions, validateCard } from '../helpers/card-validation';
import {
  ADMIN_BY_ID,
  ADMIN_ENV,
  OUTSIDER,
  addMembers,
  detailCalls,
  dumpStorage,
  emulatorPassword,
  executeOnCard,
  passwordBlockRuns,
  shownCardId,
} from './elevation-details-helpers';
import { fakeDate } from '../helpers/clock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { SqliteStorage } from '../../src/storage/sqlite-storage';

type Json = Record<string, unknown>;

function invokeCard(res: InvokeResponse): Json {
  expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
  return res.value as Json;
}

function passwordRuns(card: unknown): string[] {
  return passwordBlockRuns(card).map((r) => String(r.text));
}

async function auditValues(storage: Storage): Promise<Json[]> {
  const keys = await storage.list('audit/');
  return Promise.all(keys.map(async (k) => (await storage.get<Json>(k))!.value));
}

// Over /api/messages on purpose: the private delivery (a new 1:1 chat in the user's tenant) is
// the Teams edge's, and the password's way out of a group chat must be proven through it.
describe('elevation details over /api/messages', () => {
  let harness: BotHarness;
  let password: string;

  beforeAll(async () => {
    harness = await BotHarness.start({ env: ADMIN_ENV });
    addMembers(harness);
    password = await emulatorPassword(harness, EXAMPLE_ELEVATED_DEVICE);
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(() => harness.connector.clear());

  it('refuses a non-admin politely and calls the API not at all', async () => {
    const before = harness.app.emulator!.requestLog().length;
    const replies = await harness.say(`elevation ${EXAMPLE_ELEVATED_DEVICE}`, { user: OUTSIDER });
    expect(replies).toHaveLength(1);
    expect(String(replies[0]!.text)).toMatch(/needs the elevation-admin role/i);
    expect(replies[0]!.attachments).toBeUndefined();

    const reveal = await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }, { user: OUTSIDER });
    expect(reveal.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(reveal.value)).toMatch(/needs the elevation-admin role/i);
    expect(harness.app.emulator!.requestLog().slice(before)).toEqual([]);
  });

  it('shows an admin (by UPN, from Teams) the hidden card: no password, a Reveal button', async () => {
    const before = harness.app.emulator!.requestLog().length;
    const replies = await harness.say(`elevation ${EXAMPLE_ELEVATED_DEVICE}`);
    const card = cardOf(replies[0]);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toMatch(/password is hidden/i);
    expect(JSON.stringify(card)).not.toContain(password);
    expect(findActions(card).map((a) => [a.verb, a.data])).toEqual([['elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }]]);
    expect(detailCalls(harness, before)).toEqual([]);
  });

  it('lets an admin by object id in, even when Teams does not know them', async () => {
    const replies = await harness.say(`password for ${EXAMPLE_ELEVATED_DEVICE}`, { user: ADMIN_BY_ID, conversationId: 'personal-megan' });
    expect(cardText(cardOf(replies[0]))).toMatch(/password is hidden/i);
  });

  it('reveals in a 1:1 chat as a user-specific invoke response, audits it, and redacts it when due', async () => {
    const before = harness.app.emulator!.requestLog().length;
    const cardId = (await shownCardId(harness, EXAMPLE_ELEVATED_DEVICE))!;
    const res = await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }, { replyToId: cardId });
    const card = invokeCard(res);
    expect(validateCard(card)).toEqual([]);
    expect(passwordRuns(card)).toEqual([password]);
    expect(passwordBlockRuns(card)[0]).toMatchObject({ fontType: 'Monospace' });
    // The password is only in a TextRun (no markdown), nowhere else in the card.
    expect(JSON.stringify(card).split(password)).toHaveLength(2);
    const refresh = card.refresh as { action: Json; userIds: string[] };
    expect(refresh.userIds).toEqual([DEFAULT_USER.id]);
    expect(refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'elevation.hide', data: { deviceName: EXAMPLE_ELEVATED_DEVICE } });
    expect(cardText(card)).toMatch(/MMDLocalAdmin/);
    expect(detailCalls(harness, before)).toHaveLength(1);

    // Every other viewer's refresh gets the redacted card.
    const other = invokeCard(await executeOnCard(harness, 'elevation.hide', { deviceName: EXAMPLE_ELEVATED_DEVICE }, { user: OUTSIDER }));
    expect(validateCard(other)).toEqual([]);
    expect(JSON.stringify(other)).not.toContain(password);
    expect(cardText(other)).toMatch(/hidden again/i);

    // After ELEVATION_REVEAL_SECONDS (1 s here) the card is replaced for everyone.
    await harness.connector.waitFor(() => harness.connector.updates('personal-conv-1').length > 0);
    const [update] = harness.connector.updates('personal-conv-1');
    expect(update!.activityId).toBe(cardId);
    const redacted = cardOf(update!.activity);
    expect(validateCard(redacted)).toEqual([]);
    expect(cardText(redacted)).toMatch(/hidden again/i);
    expect(JSON.stringify(update!.activity)).not.toContain(password);
    expect(redacted.refresh).toBeUndefined();
    // The job is deleted only after the update succeeded, so it may still be there an instant later.
    let pending = await harness.app.storage.list('redactions/');
    for (let i = 0; pending.length > 0 && i < 100; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      pending = await harness.app.storage.list('redactions/');
    }
    expect(pending).toEqual([]);

    const audit = (await auditValues(harness.app.storage)).filter((r) => r.outcome === 'revealed');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'elevation.reveal',
      deviceName: EXAMPLE_ELEVATED_DEVICE,
      user: { id: DEFAULT_USER.id, aadObjectId: DEFAULT_USER.aadObjectId, upn: 'adele.vance@contoso.com', name: DEFAULT_USER.name },
      conversation: { id: 'personal-conv-1', kind: 'personal' },
    });
    expect(typeof audit[0]!.elevationRequestId).toBe('string');
  });

  it.each(['groupChat', 'channel'] as const)(
    'in a %s: says "sent privately" there, sends the hidden card in a new 1:1 chat',
    async (conversationType) => {
      const before = harness.app.emulator!.requestLog().length;
      const createdBefore = harness.connector.created.length;
      const conversationId = `${conversationType}-private-test`;
      await harness.say(`elevation ${EXAMPLE_ELEVATED_DEVICE}`, { conversationType, conversationId });

      const inGroup = harness.connector.sent(conversationId);
      expect(inGroup).toHaveLength(1);
      expect(String(inGroup[0]!.text)).toMatch(/sent the elevation details to you privately/i);
      expect(inGroup[0]!.attachments).toBeUndefined();
      expect(JSON.stringify(inGroup)).not.toMatch(/MMDLocalAdmin|Reveal/);

      const created = harness.connector.created.slice(createdBefore);
      expect(created).toHaveLength(1);
      expect(created[0]!.members).toEqual([expect.objectContaining({ id: DEFAULT_USER.id })]);
      expect(created[0]!.tenantId).toBe('tenant-0001');
      const privately = harness.connector.sent(created[0]!.id);
      expect(privately).toHaveLength(1);
      const card = cardOf(privately[0]);
      expect(validateCard(card)).toEqual([]);
      expect(cardText(card)).toMatch(/password is hidden/i);
      expect(detailCalls(harness, before)).toEqual([]);
    },
  );

  it.each(['groupChat', 'channel'] as const)('refuses Reveal pressed in a %s, fetching nothing', async (conversationType) => {
    const before = harness.app.emulator!.requestLog().length;
    const res = await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }, { conversationType });
    expect(res.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(res.value)).toMatch(/only reveal passwords in our 1:1 chat/i);
    expect(detailCalls(harness, before)).toEqual([]);
    const audit = await auditValues(harness.app.storage);
    expect(audit.some((r) => r.outcome === 'not_personal' && (r.conversation as Json).kind === conversationType)).toBe(true);
  });

  it('says when a device has no open elevation request and offers to request one', async () => {
    const replies = await harness.say(`elevation ${EXAMPLE_DEVICE}`);
    const card = cardOf(replies[0]);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toMatch(/has no open elevation request/);
    expect(findActions(card).map((a) => [a.verb, a.data])).toContainEqual(['elevation.requestForm', { deviceName: EXAMPLE_DEVICE }]);

    const reveal = invokeCard(await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_DEVICE }));
    expect(cardText(reveal)).toMatch(/has no open elevation request/);
    const audit = await auditValues(harness.app.storage);
    expect(audit.some((r) => r.outcome === 'no_open_elevation' && r.deviceName === EXAMPLE_DEVICE)).toBe(true);
  });

  it('says when the device does not exist', async () => {
    const reveal = invokeCard(await executeOnCard(harness, 'elevation.reveal', { deviceName: 'MMD-99999' }));
    expect(validateCard(reveal)).toEqual([]);
    expect(cardText(reveal)).toMatch(/No device named/);
    const replies = await harness.say('elevation MMD-99999');
    expect(cardText(cardOf(replies[0]))).toMatch(/No device named/);
  });

  it('turns an API failure into a clear answer without secrets, and audits it', async () => {
    harness.app.emulator!.faults.add({
      path: '/elevationDetails$',
      status: 403,
      body: { error: { code: '403', message: 'Caller lacks MmdSupport.ReadWrite.' } },
      times: 1,
    });
    const res = invokeCard(await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }));
    expect(validateCard(res)).toEqual([]);
    expect(cardText(res)).toMatch(/revealing the elevation details of MMD-00002/i);
    expect(cardText(res)).toMatch(/MmdSupport\.ReadWrite/);
    expect(JSON.stringify(res)).not.toContain(password);
    const audit = await auditValues(harness.app.storage);
    expect(audit.some((r) => r.outcome === 'failed')).toBe(true);
  });

  it("never reveals on, nor later overwrites, a message it did not send as that device's card (forged replyToId)", async () => {
    // Other messages of the bot in this chat: a ticket list, and the card of another device.
    await harness.say('tickets');
    const listId = harness.connector.calls.filter((c) => c.method === 'POST').pop()!.responseId!;
    const otherDeviceCard = (await shownCardId(harness, EXAMPLE_DEVICE))!;
    expect(listId).not.toBe(otherDeviceCard);
    const before = harness.app.emulator!.requestLog().length;
    const redactionsBefore = (await harness.app.storage.list('redactions/')).length;
    for (const forged of [listId, otherDeviceCard, 'made-up-id']) {
      const res = await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }, { replyToId: forged });
      expect(res.type).toBe('application/vnd.microsoft.activity.message');
      expect(String(res.value)).toMatch(/could not tell which card to hide again later, so I did not reveal anything/);
      // The Action.Submit fallback neither reveals nor hides by updating the forged message.
      await harness.submit({ verb: 'elevation.reveal', deviceName: EXAMPLE_ELEVATED_DEVICE }, { replyToId: forged });
      await harness.submit({ verb: 'elevation.hide', deviceName: EXAMPLE_ELEVATED_DEVICE }, { replyToId: forged });
    }
    expect(detailCalls(harness, before)).toEqual([]);
    expect(await harness.app.storage.list('redactions/')).toHaveLength(redactionsBefore);
    // Longer than ELEVATION_REVEAL_SECONDS: no redaction (or anything else) lands on those messages.
    await new Promise((r) => setTimeout(r, 1500));
    const touched = harness.connector.updates().map((u) => u.activityId);
    expect(touched.filter((id) => id === listId || id === otherDeviceCard || id === 'made-up-id')).toEqual([]);
    expect(JSON.stringify(harness.connector.calls)).not.toContain(password);
    const audit = await auditValues(harness.app.storage);
    expect(audit.filter((r) => r.outcome === 'failed').length).toBeGreaterThanOrEqual(3);
  });

  it('never lets the password reach the logs, the storage, or any message the connector got', async () => {
    // Make sure at least one reveal and one redaction happened in this harness.
    const cardId = (await shownCardId(harness, EXAMPLE_ELEVATED_DEVICE))!;
    await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }, { replyToId: cardId });
    await harness.connector.waitFor(() => harness.connector.updates().some((u) => u.activityId === cardId));
    expect(harness.logs.length).toBeGreaterThan(0);
    expect(harness.logs.join('\n')).not.toContain(password);
    expect(await dumpStorage(harness.app.storage)).not.toContain(password);
    // Every call the bot made to Teams: messages to groups, channels and 1:1 chats, updates.
    expect(JSON.stringify(harness.connector.calls)).not.toContain(password);
  });
});

describe('redaction of a revealed password survives a restart', () => {
  let dir: string;
  let harness: BotHarness;
  let second: RunningApp | undefined;
  const logs: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'elevation-restart-'));
  });
  afterAll(async () => {
    await second?.stop();
    await harness?.connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  let clock: ReturnType<typeof fakeDate> | undefined;
  afterEach(() => clock?.restore());

  it('reveal, stop, start a new app on the same SQLite file: the overdue redaction is sent', async () => {
    const path = join(dir, 'bot.sqlite');
    const env = { ...ADMIN_ENV, ELEVATION_REVEAL_SECONDS: '2' };
    harness = await BotHarness.start({ env, storage: new SqliteStorage(path) });
    const cardId = (await shownCardId(harness, EXAMPLE_ELEVATED_DEVICE))!;
    const res = await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }, { replyToId: cardId });
    const password = String(passwordBlockRuns(res.value)[0]!.text);
    expect(password.length).toBeGreaterThan(8);
    expect(await harness.app.storage.list('redactions/')).toHaveLength(1);

    // Stop the bot before the reveal time is over; the fake Teams connector stays up.
    await harness.app.stop();
    expect(harness.connector.updates()).toHaveLength(0);
    clock = fakeDate();
    clock.advance(2100); // past the reveal time, while no bot runs

    const sink = linesInto(logs);
    second = await startApp(loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'debug', ...env }), {
      logger: createLogger({ level: 'debug', destination: sink }),
      storage: new SqliteStorage(path),
      host: '127.0.0.1',
    });
    await harness.connector.waitFor(() => harness.connector.updates().length > 0);
    const [update] = harness.connector.updates();
    expect(update).toMatchObject({ conversationId: 'personal-conv-1', activityId: cardId });
    const card = cardOf(update!.activity);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toMatch(/hidden again/i);
    expect(JSON.stringify(update!.activity)).not.toContain(password);

    await harness.connector.waitFor(() => logs.join('').includes('elevation details redacted'));
    expect(await second.storage.list('redactions/')).toEqual([]);
    expect(await dumpStorage(second.storage)).not.toContain(password);
    expect([...harness.logs, ...logs].join('\n')).not.toContain(password);
  });
});
