import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Bot Connector that enforces Teams' proactive-message limits on what arrives: per
 * conversation 7 in any 1 s and 60 in any 30 s, overall 50 in any 1 s; a send over any limit
 * is answered 429 with Retry-After: 1, like Teams. Counts what it accepted and refused.
 */
export class LimitedConnector {
  accepted = 0;
  throttled = 0;
  readonly reasons = { overall: 0, conversation: 0 };
  firstAt = 0;
  lastAt = 0;
  url = '';
  private server?: Server;
  private readonly overall: number[] = [];
  private readonly perConversation = new Map<string, number[]>();
  private next = 1;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method !== 'POST' || !m) {
          res.writeHead(404).end();
          return;
        }
        const now = performance.now();
        const conv = decodeURIComponent(m[1]!);
        const mine = this.perConversation.get(conv) ?? [];
        const within = (times: number[], ms: number) => times.filter((t) => t > now - ms).length;
        const reason =
          within(this.overall, 1000) >= 50 ? 'overall' : within(mine, 1000) >= 7 || within(mine, 30_000) >= 60 ? 'conversation' : undefined;
        if (reason) {
          this.throttled++;
          this.reasons[reason]++;
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'throttled' } }));
          return;
        }
        this.overall.push(now);
        if (this.overall.length > 200) this.overall.splice(0, 100);
        mine.push(now);
        this.perConversation.set(conv, mine.slice(-60));
        this.accepted++;
        this.firstAt ||= now;
        this.lastAt = now;
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `a-${this.next++}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
