import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { createMmdClient } from '../../src/mmd/create-client';
import { MmdApiError } from '../../src/mmd/mmd-api-error';
import type { NewTicket } from '../../src/mmd/types';
import type { TokenProvider } from '../../src/http/token-provider';
import { emulatorTokenProvider, startClientHarness, type ClientHarness } from './emulator-client';
import { startGateway } from './gateway-proxy';
import { failure } from './failure';

/** The layers around send (retry, Retry-After, non-idempotent rule, timeout, 401 refresh) against emulator faults. */

let h: ClientHarness;
beforeAll(async () => {
  h = await startClientHarness({ tickets: 5 });
});
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.faults.clear();
  h.waits.length = 0;
});

const DEVICES = '/tenants/[^/]+/devices$';
const TICKETS = '/support/odata/v1/tickets$';

const newTicket: NewTicket = {
  title: 'Retry test',
  description: 'x',
  type: 'RequestForInformation',
  category: 'Devices',
  subcategory: 'Hardware',
  severity: 4,
  contact: { givenName: 'J', surname: 'D', email: 'jd@contoso.com', phoneNumber: '1' },
};

/** Requests the emulator logged while `action` ran. */
async function logged(action: () => Promise<unknown>): Promise<{ method: string; url: string; status: number }[]> {
  const before = h.emulator.requestLog().length;
  await action().catch(() => undefined);
  return h.emulator.requestLog().slice(before);
}

async function ticketCount(): Promise<number> {
  return (await h.client.tickets.list({ top: 500 })).items.length;
}

describe('retries on reads', () => {
  it('waits for Retry-After on 429, then succeeds', async () => {
    h.emulator.faults.add({ path: DEVICES, status: 429, retryAfterSeconds: 2, times: 1 });
    const requests = await logged(() => h.client.devices.list({ top: 1 }));
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    expect(h.waits).toEqual([2000]);
  });

  it('waits for Retry-After on 503, and backs off with jitter without it', async () => {
    h.emulator.faults.add({ path: DEVICES, status: 503, retryAfterSeconds: 1, times: 1 });
    h.emulator.faults.add({ path: DEVICES, status: 503, times: 2 });
    const requests = await logged(() => h.client.devices.list({ top: 1 }));
    expect(requests.map((r) => r.status)).toEqual([503, 503, 503, 200]);
    // Retry-After first; then random() 0.5 of the ceiling for retry 2 and 3 (1000, 2000 ms).
    expect(h.waits).toEqual([1000, 500, 1000]);
  });

  it('gives up after maxRetries with a retryable error', async () => {
    h.emulator.faults.add({ path: DEVICES, status: 503 });
    const error = await failure(h.client.devices.list({ top: 1 }));
    expect(error).toMatchObject({
      status: 503,
      code: '503',
      retryable: true,
      serviceMessage: 'The service is temporarily unavailable. Retry later.',
    });
    expect(h.waits).toHaveLength(3);
    expect(
      h.emulator
        .requestLog()
        .slice(-4)
        .map((r) => r.status),
    ).toEqual([503, 503, 503, 503]);
  });

  it('does not wait for a Retry-After longer than the cap', async () => {
    h.emulator.faults.add({ path: DEVICES, status: 429, retryAfterSeconds: 3600, times: 1 });
    const error = await failure(h.client.devices.list({ top: 1 }));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 3_600_000 });
    expect(h.waits).toEqual([]);
  });

  it('never retries a 404', async () => {
    const requests = await logged(() => h.client.devices.get('MMD-NOPE'));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.status).toBe(404);
  });

  it('never retries a 500 or 400 on reads either', async () => {
    h.emulator.faults.add({ path: DEVICES, status: 500, times: 1 });
    const requests = await logged(() => h.client.devices.list({ top: 1 }));
    expect(requests.map((r) => r.status)).toEqual([500]);
  });

  it('retries a dropped connection on a read', async () => {
    h.emulator.faults.add({ path: DEVICES, drop: true, times: 1 });
    const page = await h.client.devices.list({ top: 1 });
    expect(page.items).toHaveLength(1);
    expect(h.waits).toHaveLength(1);
  });

  it('times out each attempt and reports code timeout after the retries', async () => {
    const client = h.makeClient({ timeoutMs: 50, maxRetries: 2 });
    h.emulator.faults.add({ path: DEVICES, latencyMs: 250 });
    const error = await failure(client.devices.list({ top: 1 }));
    expect(error).toMatchObject({ status: 0, code: 'timeout', retryable: true, method: 'GET' });
    expect(error.path).toMatch(/devices$/);
    expect(h.waits).toHaveLength(2);
  });
});

describe('non-idempotent calls', () => {
  it('does not repeat create ticket after an ambiguous 502', async () => {
    const before = await ticketCount();
    h.emulator.faults.add({ method: 'POST', path: TICKETS, status: 502, times: 1 });
    let error: MmdApiError | undefined;
    const requests = await logged(async () => {
      error = await failure(h.client.tickets.create(newTicket));
    });
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(error).toMatchObject({ code: 'outcome_unknown', status: 502, retryable: false, method: 'POST', path: 'tickets' });
    expect(error!.message).toContain('the ticket may or may not have been created');
    expect(await ticketCount()).toBe(before);
  });

  it('does not repeat create ticket when the gateway answers 502 after the service created it: exactly one ticket', async () => {
    const before = await ticketCount();
    const gateway = await startGateway(h.emulator.url, (method, url) =>
      method === 'POST' && url.endsWith('/tickets') ? { status: 502, body: '<html>502 Bad Gateway</html>' } : null,
    );
    try {
      const client = h.makeClient({ baseUrl: `${gateway.url}/support/odata/v1/` });
      const requests = await logged(async () => {
        const error = await failure(client.tickets.create(newTicket));
        expect(error).toMatchObject({ code: 'outcome_unknown', status: 502, serviceMessage: '<html>502 Bad Gateway</html>' });
      });
      expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(await ticketCount()).toBe(before + 1);
      expect(h.waits).toEqual([]);
    } finally {
      await gateway.close();
    }
  });

  it('does not repeat create ticket after a timeout: exactly one ticket', async () => {
    const before = await ticketCount();
    const gateway = await startGateway(h.emulator.url, (method) => (method === 'POST' ? { status: 200, delayMs: 300 } : null));
    try {
      const client = h.makeClient({ baseUrl: `${gateway.url}/support/odata/v1/`, timeoutMs: 100 });
      const requests = await logged(async () => {
        const error = await failure(client.tickets.create(newTicket));
        expect(error).toMatchObject({ code: 'outcome_unknown', status: 0 });
        expect(error.message).toContain('timeout');
      });
      expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(await ticketCount()).toBe(before + 1);
    } finally {
      await gateway.close();
    }
  });

  it('does not repeat a create answered 429 or 503 with Retry-After: no proof nothing was made (issue 20)', async () => {
    const before = await ticketCount();
    h.emulator.faults.add({ method: 'POST', path: TICKETS, status: 429, retryAfterSeconds: 1, times: 1 });
    const requests = await logged(async () => {
      const error = await failure(h.client.tickets.create(newTicket));
      expect(error).toMatchObject({ code: 'outcome_unknown', status: 429 });
    });
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([429]);
    expect(h.waits).toEqual([]);
    expect(await ticketCount()).toBe(before);
    // A gateway that answers 503 after the service made the ticket: one ticket, not two.
    h.emulator.faults.add({ method: 'POST', path: TICKETS, status: 503, retryAfterSeconds: 1, carryOut: true, times: 1 });
    const error = await failure(h.client.tickets.create(newTicket));
    expect(error).toMatchObject({ code: 'outcome_unknown', status: 503 });
    expect(h.waits).toEqual([]);
    expect(await ticketCount()).toBe(before + 1);
  });

  it('does not repeat add note after a dropped connection', async () => {
    const [ticket] = (await h.client.tickets.list({ top: 1 })).items;
    h.emulator.faults.add({ method: 'POST', path: 'addNote', drop: true, times: 1 });
    const requests = await logged(async () => {
      const error = await failure(h.client.tickets.addNote(ticket!.id, 'lost?'));
      expect(error).toMatchObject({ code: 'outcome_unknown', status: 0 });
      expect(error.message).toContain('the note may or may not have been added');
    });
    expect(requests).toHaveLength(1);
  });

  it('does not repeat close elevation after a 504', async () => {
    h.emulator.faults.add({ method: 'PATCH', path: 'elevationRequests', status: 504, times: 1 });
    const requests = await logged(async () => {
      const error = await failure(h.client.elevations.close('some-id', 'done'));
      expect(error).toMatchObject({ code: 'outcome_unknown', status: 504 });
    });
    expect(requests).toHaveLength(1);
  });

  it('retries a POST whose connection was refused (never sent)', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    const waits: number[] = [];
    const client = createMmdClient({
      baseUrl: `http://127.0.0.1:${port}/support/odata/v1/`,
      tenantId: 't',
      tokenProvider: { getToken: async () => 'static' },
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0,
    });
    const error = await failure(client.tickets.create(newTicket));
    expect(error).toMatchObject({ code: 'network', status: 0, retryable: true, notSent: true, detail: 'ECONNREFUSED' });
    expect(waits).toHaveLength(3);
  });
});

describe('auth', () => {
  it('retries once with a fresh token after a 401', async () => {
    const tokens = h.emulator.tokenRequestCount();
    h.emulator.faults.add({ path: DEVICES, status: 401, times: 1 });
    const requests = await logged(() => h.client.devices.list({ top: 1 }));
    expect(requests.map((r) => r.status)).toEqual([401, 200]);
    expect(h.emulator.tokenRequestCount()).toBe(tokens + 1);
  });

  it('gives up after a second 401', async () => {
    h.emulator.faults.add({ path: DEVICES, status: 401, times: 2 });
    const error = await failure(h.client.devices.list({ top: 1 }));
    expect(error).toMatchObject({ status: 401, retryable: false });
  });

  it('keeps the token out of errors and logs', async () => {
    const seen: string[] = [];
    // Every token the client was given (and so sent as its bearer).
    const provider = emulatorTokenProvider(h.emulator);
    const recordingProvider: TokenProvider = {
      getToken: async (options) => {
        const token = await provider.getToken(options);
        seen.push(token);
        return token;
      },
    };
    const lines: string[] = [];
    const logger = createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    });
    const client = h.makeClient({ tokenProvider: recordingProvider, logger, timeoutMs: 50, maxRetries: 1 });
    h.emulator.faults.add({ path: DEVICES, status: 401, times: 2 });
    h.emulator.faults.add({ path: '/devices/slow$', latencyMs: 200, times: 2 });
    h.emulator.faults.add({ path: DEVICES, status: 503, times: 2 });
    const errors = [
      await failure(client.devices.list()),
      await failure(client.devices.get('slow')),
      await failure(client.devices.list()),
      await failure(client.tickets.notes('nope')),
    ];
    expect(seen.length).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(0);
    for (const token of new Set(seen)) {
      expect(token.length).toBeGreaterThan(10);
      for (const error of errors) {
        expect(JSON.stringify(error)).not.toContain(token);
        expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(token);
        expect(String(error.stack)).not.toContain(token);
      }
      expect(lines.join('\n')).not.toContain(token);
    }
  });
});
