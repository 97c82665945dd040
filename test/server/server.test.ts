import { BotHarness, cardOf, cardText } from '../helpers/bot-harness';

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

  it('answers 413 to a 1 MB body and keeps serving', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(1024 * 1024) });
    const res = await fetch(`${harness.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    const replies = await harness.say('help');
    expect(cardText(cardOf(replies[0]))).toMatch(/devices/i);
  });

  it('answers 400 to a body that is not JSON, and to malformed JSON', async () => {
    const plain = await fetch(`${harness.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello bot',
    });
    expect(plain.status).toBe(400);
    const malformed = await fetch(`${harness.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    expect(malformed.status).toBe(400);
    const array = await harness.post([1, 2, 3]);
    expect(array.status).toBe(400);
    const health = await fetch(`${harness.app.url}/healthz`);
    expect(health.status).toBe(200);
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
