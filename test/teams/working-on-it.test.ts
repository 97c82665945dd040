import { randomUUID } from 'node:crypto';
import { EXAMPLE_ELEVATED_DEVICE } from '../../src/emulator/seed';
import { recentAudit } from '../../src/state/audit-log';
import { BotHarness, cardOf, cardText, type InvokeResponse } from '../helpers/bot-harness';
import { validateCard } from '../helpers/card-validation';
import { ADMIN_ENV, emulatorPassword, shownCardId } from '../bot/elevation-details-helpers';
import { action, apiCalls, inputs, invokeCard, submission } from '../bot/forms/form-helpers';

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
