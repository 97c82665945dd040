import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMmdClient } from '../../src/mmd/create-client';
import type { MmdClient } from '../../src/mmd/mmd-client';
import { paginate } from '../../src/http/paging';
import { failure } from './failure';

/** Transport details the emulator does not exercise, on a scripted loopback server. */

interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

let script: Scripted[] = [];
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let baseUrl: string;
const close: (() => Promise<void>)[] = [];

async function startScripted(): Promise<string> {
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const next = script.shift() ?? { status: 500, body: 'script exhausted' };
    res.writeHead(next.status, next.headers ?? {});
    res.end(next.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let waits: number[] = [];
let client: MmdClient;
beforeAll(async () => {
  baseUrl = `${await startScripted()}/api/v1/`;
  client = createMmdClient({
    baseUrl,
    tenantId: 't',
    tokenProvider: { getToken: async () => 'secret-token-value' },
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  });
});
afterAll(() => Promise.all(close.map((c) => c())));
beforeEach(() => {
  script = [];
  seen.length = 0;
  waits = [];
});

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Scripted => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('transport', () => {
  it('sends the bearer token, Accept, and one client-request-id for all attempts of a call', async () => {
    script = [json({ error: { code: '503', message: 'busy' } }, 503), json({ value: [] })];
    await client.devices.list();
    expect(seen).toHaveLength(2);
    expect(seen[0]!.headers.authorization).toBe('Bearer secret-token-value');
    expect(seen[0]!.headers.accept).toBe('application/json');
    const ids = seen.map((s) => s.headers['client-request-id']);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 5000).toUTCString();
    script = [json({ error: { code: '429', message: 'slow down' } }, 429, { 'Retry-After': at }), json({ value: [] })];
    await client.devices.list();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(2000);
    expect(waits[0]).toBeLessThanOrEqual(5000);
  });

  it('takes the correlation id from the response, else keeps its own', async () => {
    script = [json({ error: { code: '404', message: 'This device does not exist.' } }, 404, { 'request-id': 'svc-123' })];
    expect(await failure(client.devices.list())).toMatchObject({ correlationId: 'svc-123', serviceMessage: 'This device does not exist.' });
    script = [json({ error: { code: '400', message: 'bad' } }, 400, { 'x-ms-request-id': 'ms-9' })];
    expect((await failure(client.devices.list())).correlationId).toBe('ms-9');
    script = [json({ error: { code: '400', message: 'bad' } }, 400)];
    const own = await failure(client.devices.list());
    expect(own.correlationId).toBe(seen.at(-1)!.headers['client-request-id']);
  });

  it('keeps a non-JSON error body as truncated raw text, and a code from the status', async () => {
    script = [{ status: 400, body: `<html>${'x'.repeat(3000)}</html>` }];
    const error = await failure(client.tickets.list());
    expect(error).toMatchObject({ status: 400, code: '400' });
    expect(error.serviceMessage!.startsWith('<html>')).toBe(true);
    expect(error.serviceMessage!.length).toBeLessThanOrEqual(501);
  });

  it('reads a numeric error code as a string', async () => {
    script = [json({ error: { code: 409, message: 'conflict' } }, 409)];
    expect(await failure(client.tickets.list())).toMatchObject({ code: '409', serviceMessage: 'conflict' });
  });

  it('reports a 2xx body that is not JSON as invalid_response', async () => {
    script = [{ status: 200, body: 'hello' }];
    expect((await failure(client.tickets.list())).code).toBe('invalid_response');
  });

  it('refuses a nextLink to another origin, so the token never goes there', async () => {
    const other = await startScripted();
    script = [json({ value: [{ id: 'A' }], '@odata.nextLink': `${other}/api/v1/tickets?$skip=1` })];
    const items: string[] = [];
    const error = await failure(
      (async () => {
        for await (const ticket of paginate(client.tickets.list, { top: 1 })) items.push(ticket.id);
      })(),
    );
    expect(items).toEqual(['A']);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('outside the MMD API root');
    expect(seen).toHaveLength(1);
  });

  it('follows a same-origin nextLink as given', async () => {
    script = [json({ value: [{ id: 'A' }], '@odata.nextLink': `${baseUrl}tickets?$skiptoken=abc` }), json({ value: [{ id: 'B' }] })];
    const ids: string[] = [];
    // Page one is short, yet the nextLink says there is more; page two is short and has none.
    for await (const ticket of paginate(client.tickets.list, { top: 2 })) ids.push(ticket.id);
    expect(ids).toEqual(['A', 'B']);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.url).toBe('/api/v1/tickets?$skiptoken=abc');
  });
});
