import { startHarness, type Harness } from './emulator-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const devices = (harness: Harness): string => `${harness.tenantPath}/devices?$top=1`;

describe('fault injection', () => {
  it('answers 429 with Retry-After, then recovers when `times` is spent', async () => {
    h.emulator.faults.add({ path: '/devices', status: 429, retryAfterSeconds: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const answer = await h.api(devices(h));
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('7');
      expect(answer.body).toEqual({ error: { code: '429', message: expect.any(String) } });
    }
    expect(h.emulator.faults.list()).toEqual([]);
    expect((await h.api(devices(h))).status).toBe(200);
  });

  it('answers 500 and 503 with a custom body, matching on method', async () => {
    h.emulator.faults.add({
      method: 'POST',
      path: 'tickets',
      status: 503,
      retryAfterSeconds: 1,
      body: { error: { code: '503', message: 'busy' } },
    });
    h.emulator.faults.add({ path: 'users', status: 500 });
    expect((await h.api('tickets?$top=1')).status).toBe(200);
    const post = await h.api('tickets', { method: 'POST', body: '{}' });
    expect(post.status).toBe(503);
    expect(post.body).toEqual({ error: { code: '503', message: 'busy' } });
    expect((await h.api(`${h.tenantPath}/users`)).status).toBe(500);
    // `times` is absent: the rule stays.
    expect((await h.api(`${h.tenantPath}/users`)).status).toBe(500);
  });

  it('delays an answer by latencyMs', async () => {
    h.emulator.faults.add({ path: 'devices', latencyMs: 150, times: 1 });
    const started = Date.now();
    const answer = await h.api(devices(h));
    expect(answer.status).toBe(200);
    // Not a speed assertion: the delay is a floor the emulator must honour.
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection without an answer', async () => {
    h.emulator.faults.add({ path: 'devices', drop: true, times: 1 });
    await expect(h.api(devices(h))).rejects.toThrow();
    expect((await h.api(devices(h))).status).toBe(200);
    const log = h.emulator.requestLog();
    expect(log.map((entry) => entry.status)).toEqual([0, 200]);
  });

  it('applies start-up faults from the options', async () => {
    const other = await startHarness({ faults: [{ path: 'tickets', status: 500, times: 1 }] });
    try {
      expect((await other.api('tickets')).status).toBe(500);
      expect((await other.api('tickets')).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('applies to the token endpoint too', async () => {
    h.emulator.faults.add({ path: 'oauth2', status: 503, times: 1 });
    const response = await fetch(h.emulator.tokenEndpoint, { method: 'POST', body: '' });
    expect(response.status).toBe(503);
  });
});

describe('admin routes', () => {
  const admin = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${h.emulator.url}/_emulator/${path}`, { ...init, headers: { 'content-type': 'application/json' } });

  it('adds, lists and clears faults over HTTP without a token', async () => {
    const added = await admin('faults', {
      method: 'POST',
      body: JSON.stringify({ path: 'devices', status: 429, retryAfterSeconds: 3, times: 1 }),
    });
    expect(added.status).toBe(201);
    const listed = (await (await admin('faults')).json()) as { value: unknown[] };
    expect(listed.value).toEqual([{ path: 'devices', status: 429, retryAfterSeconds: 3, times: 1 }]);
    expect((await h.api(devices(h))).status).toBe(429);

    await admin('faults', { method: 'POST', body: JSON.stringify({ path: 'devices', status: 500 }) });
    expect((await admin('faults', { method: 'DELETE' })).status).toBe(204);
    expect(h.emulator.faults.list()).toEqual([]);
    expect((await h.api(devices(h))).status).toBe(200);
  });

  it('refuses an invalid rule with a 400', async () => {
    expect((await admin('faults', { method: 'POST', body: JSON.stringify({ path: '(' }) })).status).toBe(400);
    expect((await admin('faults', { method: 'POST', body: JSON.stringify({ status: 500 }) })).status).toBe(400);
  });

  it('is not hit by faults itself, so a catch-all rule can still be cleared', async () => {
    h.emulator.faults.add({ path: '.*', status: 500 });
    expect((await admin('faults', { method: 'DELETE' })).status).toBe(204);
    expect((await h.api(devices(h))).status).toBe(200);
  });

  it('reset reseeds: created tickets disappear', async () => {
    const before = (await h.api<{ value: unknown[] }>('tickets')).body.value.length;
    await h.api('tickets', {
      method: 'POST',
      body: JSON.stringify({
        title: 't',
        description: 'd',
        type: 'Incident',
        category: 'Apps',
        subcategory: 'Teams',
        severity: 3,
        contact: { givenName: 'A', surname: 'B', email: 'a@b.c', phoneNumber: '1' },
      }),
    });
    expect((await h.api<{ value: unknown[] }>('tickets')).body.value.length).toBe(before + 1);
    expect((await admin('reset', { method: 'POST' })).status).toBe(204);
    expect((await h.api<{ value: unknown[] }>('tickets')).body.value.length).toBe(before);
  });
});
