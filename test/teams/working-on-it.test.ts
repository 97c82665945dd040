import { randomUUID } from 'node:crypto';
import { EXAMPLE_ELEVATED_DEVICE } from '../../src/emulator/seed';
import { recentAudit } from '../../src/state/audit-log';
import { BotHarness, cardOf, cardText, type InvokeResponse } from '../helpers/bot-harness';
import { validateCard } from '../helpers/card-validation';
import { ADMIN_ENV, emulatorPassword, shownCardId } from '../bot/elevation-details-helpers';
import { action, apiCalls, inputs, invokeCard, submission, press } from '../bot/forms/form-helpers';
import type { FaultRule } from '../../src/emulator/types';

type Json = Record<string, unknown>;

/*
 * Teams waits about 5 s for the answer to a card button (Action.Execute). When the API is
 * slower (latency injected at the emulator), the bot answers in time with "working on it" and
 * replaces that card with the result once it is ready; a write is still done once.
 */
const INVOKE_MS = 600;
const SLOW_MS = 1_500;

describe('card actions slower than Teams waits', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    // Teams waits about 5 s; here the invoke deadline is 600 ms and the API 1.5 s slow, same story in a second.
    harness = await BotHarness.start({ env: ADMIN_ENV, deadlines: { messageMs: 12_000, invokeMs: INVOKE_MS } });
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(() => harness.app.emulator?.faults.clear());

  /** Action.Execute on the message `replyToId`, timed from send to the HTTP answer. */
  async function press(verb: string, data: Json, replyToId: string): Promise<{ res: InvokeResponse; ms: number }> {
    const started = Date.now();
    const { status, body } = await harness.post(
      harness.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    );
    expect(status).toBe(200);
    return { res: body as InvokeResponse, ms: Date.now() - started };
  }

  async function updateOf(activityId: string): Promise<Json> {
    await harness.connector.waitFor(() => harness.connector.updates().some((u) => u.activityId === activityId), 15_000);
    const update = harness.connector.updates().find((u) => u.activityId === activityId)!;
    return cardOf(update.activity);
  }

  it('a stop just after "working on it" waits for the result and delivers it before the bot goes', async () => {
    const own = await BotHarness.start({ env: ADMIN_ENV, deadlines: { messageMs: 12_000, invokeMs: INVOKE_MS } });
    try {
      own.app.emulator!.faults.add({ method: 'GET', path: '/devices$', latencyMs: SLOW_MS, times: 1 });
      const { body } = await own.post(
        own.activity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: 'card-stopping',
          value: { action: { type: 'Action.Execute', verb: 'devices.page', data: { skip: 0 } }, trigger: 'manual' },
        }),
      );
      expect(cardText(invokeCard(body as InvokeResponse))).toMatch(/Working on it/);
      await own.app.stop();
      // Delivered before stop() returned, and the result itself: the emulator was still there.
      const update = own.connector.updates().find((u) => u.activityId === 'card-stopping');
      expect(cardText(cardOf(update?.activity ?? {}))).toMatch(/MMD-\d{5}/);
    } finally {
      await own.stop();
    }
  });

  it('answers a slow read with "working on it" in time, then updates that card with the result', async () => {
    harness.app.emulator!.faults.add({ method: 'GET', path: '/devices$', latencyMs: SLOW_MS, times: 1 });
    const { res, ms } = await press('devices.page', { skip: 0 }, 'card-slow-read');
    expect(ms).toBeLessThan(SLOW_MS - 300);
    const working = invokeCard(res);
    expect(cardText(working)).toMatch(/Working on it/);
    const result = await updateOf('card-slow-read');
    expect(validateCard(result)).toEqual([]);
    expect(cardText(result)).toMatch(/MMD-0000\d/);
    expect(harness.connector.sent()).toEqual([]);
  }, 30_000);

  it('a slow form submit: "working on it" in time, the ticket card later, and one ticket however often it is pressed', async () => {
    // Opened from a device: Devices is chosen, so the form is at step 2 with Create ticket.
    const form = invokeCard(await harness.execute('ticket.newForm', { deviceName: 'MMD-00001' }));
    const title = `Slow create ${randomUUID().slice(0, 8)}`;
    const values = {
      type: 'ChangeRequest',
      category: 'Devices',
      subcategory: 'Deployment groups assignment',
      title,
      description: 'Please move the finance devices.',
      severity: '4',
      phone: '+1 425 555 0100',
    };
    const data = submission(form, 'ticket.create', values);
    const before = apiCalls(harness, 'POST', /\/tickets$/);
    harness.app.emulator!.faults.add({ method: 'POST', path: '/tickets$', latencyMs: SLOW_MS, times: 1 });
    const first = await press('ticket.create', data, 'card-slow-form');
    expect(first.ms).toBeLessThan(SLOW_MS - 300);
    expect(cardText(invokeCard(first.res))).toMatch(/Working on it/);
    // Pressed again from another client while the create is still running: not sent twice.
    const again = await press('ticket.create', data, 'card-slow-form');
    expect(again.ms).toBeLessThan(SLOW_MS - 300);
    const ticket = await updateOf('card-slow-form');
    expect(validateCard(ticket)).toEqual([]);
    const id = (action(ticket, 'ticket.open').data as Json).id;
    expect(cardText(ticket)).toContain(title);
    // After the result: the same ticket again, nothing new created.
    const replay = invokeCard((await press('ticket.create', data, 'card-slow-form')).res);
    expect((action(replay, 'ticket.open').data as Json).id).toBe(id);
    expect(apiCalls(harness, 'POST', /\/tickets$/)).toBe(before + 1);
    expect((await harness.app.mmd.tickets.list({ title })).items.map((t) => t.id)).toEqual([id]);
    expect(inputs(ticket)).not.toHaveProperty('title');
  }, 30_000);

  it('never sends a revealed password late: the working card becomes "took too long"', async () => {
    const password = await emulatorPassword(harness, EXAMPLE_ELEVATED_DEVICE);
    const cardId = (await shownCardId(harness, EXAMPLE_ELEVATED_DEVICE))!;
    harness.app.emulator!.faults.add({ path: '/elevationDetails$', latencyMs: SLOW_MS, times: 1 });
    const { res, ms } = await press('elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }, cardId);
    expect(ms).toBeLessThan(SLOW_MS - 300);
    expect(cardText(invokeCard(res))).toMatch(/Working on it/);
    const late = await updateOf(cardId);
    expect(cardText(late)).toMatch(/took too long/);
    expect(JSON.stringify(harness.connector.calls)).not.toContain(password);
    // The audit says the password was read but never shown (after the reveal's own record).
    const [newest] = await recentAudit(harness.app.storage, 1);
    expect(newest).toMatchObject({ action: 'elevation.reveal', outcome: 'not_shown_late', deviceName: EXAMPLE_ELEVATED_DEVICE });
    expect(JSON.stringify(await recentAudit(harness.app.storage, 10))).not.toContain(password);
  }, 30_000);
});

/*
 * The API misbehaves (seeded, so a failure replays): per call 5% hangs (longer than any
 * deadline), 20% 5xx, 10% 429 with a long Retry-After, 10% a latency spike of half the invoke
 * deadline. Promises: every read command answers (result or clear error) before Teams stops
 * waiting, every invoke too, and no write is duplicated (tickets counted at the emulator by
 * their unique titles). Over /api/messages: the in-time answer of a slow card action ("working
 * on it") is the Teams edge's. The deadlines are a third of Teams' (4 s and 1.5 s): the rules
 * do not depend on their length; the bounds are each deadline plus a second of slack.
 */
const DEADLINES = { messageMs: 4_000, invokeMs: 1_500 };
const MESSAGE_BOUND_MS = DEADLINES.messageMs + 1_000;
const INVOKE_BOUND_MS = DEADLINES.invokeMs + 1_000;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('deadlines under a misbehaving API', () => {
  let harness: BotHarness;
  const random = prng(20261201);

  /** One-shot fault rules for the next few API calls, drawn from the distribution above. */
  function injectFaults(calls = 4): void {
    const faults = harness.app.emulator!.faults;
    faults.clear();
    for (let i = 0; i < calls; i++) {
      const r = random();
      let rule: FaultRule | undefined;
      if (r < 0.05) rule = { path: '^/support/odata/', latencyMs: 16_000, times: 1 };
      else if (r < 0.25) rule = { path: '^/support/odata/', status: 500 + Math.floor(random() * 4), times: 1 };
      else if (r < 0.35) rule = { path: '^/support/odata/', status: 429, retryAfterSeconds: 30, times: 1 };
      else if (r < 0.45) rule = { path: '^/support/odata/', latencyMs: DEADLINES.invokeMs / 2, times: 1 };
      // No rule: this call goes through. A pass-through rule keeps the draws aligned with calls.
      faults.add(rule ?? { path: '^/support/odata/', latencyMs: 0, times: 1 });
    }
  }

  async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const started = Date.now();
    const result = await run();
    return { result, ms: Date.now() - started };
  }

  beforeAll(async () => {
    harness = await BotHarness.start({ env: { MMD_TIMEOUT_MS: '10000' }, deadlines: DEADLINES });
  });
  afterAll(async () => {
    harness.app.emulator?.faults.clear();
    const started = Date.now();
    await harness?.stop();
    console.log(`deadlines: harness stopped in ${Date.now() - started} ms`);
  }, 90_000);

  it('every read command answers before Teams stops waiting, with the result or a clear error', async () => {
    const commands = [
      'devices',
      'users',
      'tickets active',
      'device MMD-00001',
      'elevations',
      'user adele.vance@contoso.onmicrosoft.com',
      'devices',
      'tickets',
    ];
    for (const command of commands) {
      injectFaults();
      const { result: replies, ms } = await timed(() => harness.say(command));
      expect({ command, ms: ms < MESSAGE_BOUND_MS }).toEqual({ command, ms: true });
      expect(replies.length).toBeGreaterThanOrEqual(1);
      const reply = replies[0]!;
      // A card (the result, or the error card naming what failed) or a plain answer.
      expect(Boolean(reply.attachments) || typeof reply.text === 'string').toBe(true);
    }
  }, 240_000);

  it('every invoke answers before Teams stops waiting', async () => {
    const invokes: [string, Record<string, unknown>][] = [
      ['devices.page', { skip: 0 }],
      ['device.open', { name: 'MMD-00001' }],
      ['tickets.page', {}],
      ['users.page', {}],
      ['elevations.page', {}],
      ['ticket.newForm', {}],
    ];
    for (const [verb, data] of invokes) {
      injectFaults();
      const { result, ms } = await timed(() => harness.execute(verb, data));
      expect({ verb, ms: ms < INVOKE_BOUND_MS }).toEqual({ verb, ms: true });
      expect(result.statusCode).toBe(200);
    }
  }, 120_000);

  it('no write is duplicated: each form ends with at most one ticket, however often it is pressed', async () => {
    harness.app.emulator!.faults.clear();
    const titles: string[] = [];
    for (let i = 0; i < 4; i++) {
      const form = invokeCard(await harness.execute('ticket.newForm', { deviceName: 'MMD-00001' })); // Devices chosen: step 2
      const title = `Deadline check ${randomUUID().slice(0, 8)}`;
      titles.push(title);
      const values = {
        title,
        description: 'Checking deadlines',
        category: 'Devices',
        subcategory: 'Other',
        severity: '4',
        type: 'RequestForInformation',
      };
      let current = form;
      for (let press_ = 0; press_ < 3; press_++) {
        injectFaults(3);
        const { result, ms } = await timed(() => press(harness, current, 'ticket.create', press_ === 0 ? values : {}));
        expect(ms).toBeLessThan(INVOKE_BOUND_MS);
        // "Working on it" (the create is slower than Teams waits): the result updates that card
        // later; meanwhile the user presses the form again from another client.
        const working = JSON.stringify(result.value).includes('Working on it');
        if (result.type === 'application/vnd.microsoft.card.adaptive' && !working) current = result.value as Record<string, unknown>;
      }
    }
    harness.app.emulator!.faults.clear();
    // Let late (hung) creates land before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (const title of titles) {
      expect((await harness.app.mmd.tickets.list({ title })).items.length).toBeLessThanOrEqual(1);
    }
  }, 240_000);
});
