import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayOverride {
  status: number;
  body?: string;
  /** Wait this long before answering (the upstream call has already finished). */
  delayMs?: number;
}

export interface Gateway {
  url: string;
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A loopback "gateway" in front of the emulator: it forwards every request, lets the emulator
 * process it, and then may replace or delay the answer. This is the ambiguous failure a real
 * front door produces (the backend acted, the client saw a 502 or nothing).
 */
export async function startGateway(target: string, override: (method: string, url: string) => GatewayOverride | null): Promise<Gateway> {
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, value);
      }
      const upstream = await fetch(`${target}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: body.length ? new Uint8Array(body) : undefined,
      });
      const text = await upstream.text();
      const change = override(req.method ?? 'GET', req.url ?? '/');
      if (change?.delayMs) await new Promise((resolve) => setTimeout(resolve, change.delayMs));
      if (res.destroyed) return;
      if (change) {
        res.writeHead(change.status, { 'Content-Type': 'text/html' });
        res.end(change.body ?? '');
      } else {
        res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(text);
      }
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
