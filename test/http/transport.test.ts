import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMmdClient } from '../../src/mmd/create-client';
import { MmdApiError } from '../../src/mmd/mmd-api-error';

/** The node:http transport: warm connections reused, redirects never followed. */

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

async function listen(
  handler: (seen: Seen[]) => Parameters<typeof createServer>[1],
): Promise<{ url: string; seen: Seen[]; connections: () => number; server: Server }> {
  const seen: Seen[] = [];
  let connections = 0;
  const server = createServer(handler(seen));
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, connections: () => connections, server };
}

const servers: Server[] = [];
afterAll(() =>
  Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  ),
);

const client = (baseUrl: string) =>
  createMmdClient({
    baseUrl,
    tenantId: 't',
    tokenProvider: { getToken: async () => 'secret-token-value' },
    sleep: async () => undefined,
    maxRetries: 0,
  });

describe('node:http transport', () => {
  it('reuses one keep-alive connection for sequential calls', async () => {
    const api = await listen((seen) => (req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ value: [] }));
    });
    servers.push(api.server);
    const mmd = client(`${api.url}/api/`);
    for (let i = 0; i < 20; i += 1) await mmd.devices.list();
    expect(api.seen).toHaveLength(20);
    expect(api.connections()).toBe(1);
  });

  it('does not follow a redirect, so the token never reaches another address', async () => {
    const elsewhere = await listen((seen) => (req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ value: [] }));
    });
    const api = await listen((seen) => (req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(302, { Location: `${elsewhere.url}/api/tenants/t/devices` });
      res.end();
    });
    servers.push(api.server, elsewhere.server);
    const error = await client(`${api.url}/api/`)
      .devices.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MmdApiError);
    expect(error).toMatchObject({ status: 302, retryable: false });
    expect(api.seen).toHaveLength(1);
    expect(elsewhere.seen).toHaveLength(0);
  });
});
