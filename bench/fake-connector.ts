import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal Bot Connector for load: answers sends, replies and updates with an id, member
 * look-ups with one fixed member, and counts what it received. Unlike test/helpers/fake-connector.ts
 * it keeps no activities (memory would grow with the load) and parses no bodies it does not need.
 */
export class BenchConnector {
  /** POST and PUT of activities received. */
  sends = 0;
  /** Anything answered with a 4xx. */
  unknown = 0;
  url = '';
  private server?: Server;
  private next = 1;

  constructor(private readonly member: Record<string, string>) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0]!;
        let status = 200;
        let body: unknown = {};
        if (/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path) && (req.method === 'POST' || req.method === 'PUT')) {
          this.sends++;
          body = { id: `activity-${this.next++}` };
        } else if (/^\/v3\/conversations\/[^/]+\/(pagedmembers|members)/.test(path) && req.method === 'GET') {
          body = /members\/[^/]+$/.test(path) ? this.member : { members: [this.member] };
        } else if (path === '/v3/conversations' && req.method === 'POST') {
          body = { id: `personal-${this.next++}` };
        } else if (req.method !== 'DELETE') {
          this.unknown++;
          status = 404;
          body = { error: { code: 'NotFound', message: path } };
        }
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
