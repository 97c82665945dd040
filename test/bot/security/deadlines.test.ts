import { randomUUID } from 'node:crypto';
import type { FaultRule } from '../../../src/emulator/types';
import { BotHarness } from '../../helpers/bot-harness';
import { invokeCard, press } from '../forms/form-helpers';

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
