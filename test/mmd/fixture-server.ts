import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures', 'api-docs');

/** A documented example, parsed. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

export interface FixtureServer {
  /** API root, ending with '/'. */
  baseUrl: string;
  /** The answer to the next requests. */
  answer(status: number, body?: unknown): void;
  /** Requests received, oldest first. */
  requests: { method: string; url: string; body: unknown }[];
  close(): Promise<void>;
}

/** Serves whatever answer the test set, and records what the client sent. */
export async function startFixtureServer(): Promise<FixtureServer> {
  let next: { status: number; body?: unknown } = { status: 204 };
  const requests: FixtureServer['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', body: text ? JSON.parse(text) : undefined });
      if (next.body === undefined) {
        res.writeHead(next.status);
        res.end();
      } else {
        res.writeHead(next.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(next.body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/support/odata/v1/`,
    answer(status, body) {
      next = { status, body };
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
