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
  /** Date.now() when it arrived. */
  at?: number;
  /** The id the connector gave the activity (POST) or the updated id (PUT). */
  responseId?: string;
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

/** A scripted failure for sends to one conversation (429 with Retry-After, 403 stop codes, ...). */
export interface ConnectorFailure {
  status: number;
  code: string;
  retryAfter?: string;
}

/** What the bot asked of Teams, and the questions tests ask of that record. */
export class ConnectorRecord {
  readonly calls: ConnectorCall[] = [];
  readonly created: { members: unknown; tenantId?: string; id: string }[] = [];
  members = new Map<string, TeamsMember>();

  /** Activities the bot sent (new messages and replies), optionally for one conversation. */
  sent(conversationId?: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === 'POST' && (!conversationId || c.conversationId === conversationId)).map((c) => c.activity);
  }

  updates(conversationId?: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && (!conversationId || c.conversationId === conversationId));
  }

  /** Successful sends (POST and PUT) per conversation, thread replies counted under their channel. */
  delivered(conversationId: string): ConnectorCall[] {
    return this.calls.filter((c) => (c.method === 'POST' || c.method === 'PUT') && c.conversationId.split(';')[0] === conversationId);
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Waits until `predicate` holds (for proactive and timed sends). */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > timeoutMs) throw new Error('waitFor timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/**
 * A small Bot Connector on loopback: records what the bot sends (new activities, replies,
 * updates), creates 1:1 conversations, and answers member look-ups the way Teams does.
 */
export class FakeConnector extends ConnectorRecord {
  /** Sends (POST/PUT activities) that were refused, with when: to check Retry-After was honoured. */
  readonly refused: { conversationId: string; status: number; code: string; at: number }[] = [];
  private readonly failures = new Map<string, ConnectorFailure[]>();
  private server?: Server;
  private next = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
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

  /**
   * The next sends to `conversationId` (the conversation part before any `;messageid=`) answer
   * these failures in order, then succeed again.
   */
  failNext(conversationId: string, ...failures: ConnectorFailure[]): void {
    this.failures.set(conversationId, [...(this.failures.get(conversationId) ?? []), ...failures]);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: Record<string, unknown> = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const authorization = req.headers.authorization;

    let m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (m && (req.method === 'POST' || req.method === 'PUT')) {
      const failure = this.failures.get(m[1]!.split(';')[0]!)?.shift();
      if (failure) {
        this.refused.push({ conversationId: m[1]!, status: failure.status, code: failure.code, at: Date.now() });
        const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
        return { status: failure.status, body: { error: { code: failure.code, message: 'refused by the test' } }, headers };
      }
      const id = req.method === 'PUT' ? m[2]! : `activity-${this.next++}`;
      this.calls.push({
        method: req.method,
        conversationId: m[1]!,
        activityId: m[2],
        activity: body,
        authorization,
        at: Date.now(),
        responseId: id,
      });
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
