import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector service. */
export interface ConnectorCall {
  method: string;
  conversationId: string;
  /** replyToId (POST .../activities/{id}) or the updated activity id (PUT). */
  activityId?: string;
  activity: Record<string, unknown>;
  authorization?: string;
}

export interface TeamsMember {
  id: string;
  name: string;
  aadObjectId?: string;
  givenName?: string;
  surname?: string;
  email?: string;
  userPrincipalName?: string;
}

/**
 * A small Bot Connector on loopback: records what the bot sends (new activities, replies,
 * updates), creates 1:1 conversations, and answers member look-ups the way Teams does.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  readonly created: { members: unknown; tenantId?: string; id: string }[] = [];
  members = new Map<string, TeamsMember>();
  private server?: Server;
  private next = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Activities the bot sent (new messages and replies), optionally for one conversation. */
  sent(conversationId?: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === 'POST' && (!conversationId || c.conversationId === conversationId))
      .map((c) => c.activity);
  }

  updates(conversationId?: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && (!conversationId || c.conversationId === conversationId));
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Waits until `predicate` holds (for proactive and timed sends). */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > timeoutMs) throw new Error('FakeConnector.waitFor timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: Record<string, unknown> = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const authorization = req.headers.authorization;

    let m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (m && (req.method === 'POST' || req.method === 'PUT')) {
      const id = req.method === 'PUT' ? m[2]! : `activity-${this.next++}`;
      this.calls.push({ method: req.method, conversationId: m[1]!, activityId: m[2], activity: body, authorization });
      return { status: 200, body: { id } };
    }
    if (m && req.method === 'DELETE') {
      this.calls.push({ method: 'DELETE', conversationId: m[1]!, activityId: m[2], activity: {}, authorization });
      return { status: 200, body: {} };
    }
    m = /^\/v3\/conversations\/([^/]+)\/(?:pagedmembers|members)(?:\/([^/]+))?$/.exec(path);
    if (m && req.method === 'GET') {
      if (m[2]) {
        const member = this.members.get(m[2]);
        return member
          ? { status: 200, body: member }
          : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'not found' } } };
      }
      return { status: 200, body: { members: [...this.members.values()] } };
    }
    if (path === '/v3/conversations' && req.method === 'POST') {
      const id = `personal-${this.next++}`;
      this.created.push({ members: body.members, tenantId: (body.channelData as { tenant?: { id?: string } })?.tenant?.id, id });
      return { status: 200, body: { id } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: path } } };
  }
}
