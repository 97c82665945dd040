import { BotHarness, cardOf, cardText } from '../helpers/bot-harness';

// Body, content-type, encoding and shape checks: transport.test.ts.

describe('HTTP transport', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await BotHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('reports health with the version and sandbox mode', async () => {
    const res = await fetch(`${harness.app.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', mode: 'sandbox' });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers 404 to unknown routes', async () => {
    const res = await fetch(`${harness.app.url}/nope`);
    expect(res.status).toBe(404);
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight turn before stopping, then refuses new connections', async () => {
    const harness = await BotHarness.start();
    harness.app.emulator!.faults.add({ path: '/devices', latencyMs: 700 });
    const inFlight = harness.say('devices');
    await new Promise((r) => setTimeout(r, 150));
    const stopped = harness.app.stop();
    const replies = await inFlight;
    expect(cardText(cardOf(replies[0]))).toMatch(/MMD-/);
    await stopped;
    await expect(fetch(`${harness.app.url}/healthz`)).rejects.toThrow();
    await harness.connector.stop();
  });
});
