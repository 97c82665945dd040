/**
 * Crash test: the bot PROCESS is SIGKILLed at random points while it fans two ticket changes
 * out to 200 conversations, and restarted each time. The fake Bot Connector runs here, in the
 * test process, and counts what it accepted: in the end every conversation has every change
 * exactly once.
 *
 * A kill comes when the connector has taken a random number of sends since the start. The
 * connector then stops answering (the sends in flight never get their 200: not delivered, so
 * they must come again after the restart), gives the process a moment to record the sends it
 * did answer, and the process is killed. The one window no outbox can close (Teams accepted a
 * send, the process died before writing its record) is thereby left out on purpose; see
 * src/notify/delivery.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { bundleForChild, killHard } from '../helpers/child-process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Outbox } from '../../src/notify/outbox';
import { SubscriptionStore } from '../../src/notify/subscription-store';
import type { ChangeEvent } from '../../src/notify/notify-event';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { TICKET } from './notify-system';

const ROOT = join(__dirname, '..', '..');
// Three levels under the root, so the bundle finds cards/ and package.json as dist/src would.
const WORK = join(ROOT, 'test-artifacts', 'notify-crash', `run-${process.pid}`);
const BUNDLE = join(WORK, 'child.js');
const SUBSCRIBERS = 200;
const EVENTS = 2;
const KILLS = 4;

/** A Bot Connector that counts accepted sends and can stop answering (held, never accepted). */
class CountingConnector {
  readonly accepted = new Map<string, string[]>();
  total = 0;
  frozen = false;
  private readonly held: ServerResponse[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    for (const res of this.held.splice(0)) res.destroy();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.frozen) {
      this.held.push(res);
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const m = /^\/v3\/conversations\/([^/;]+)[^/]*\/activities/.exec(path);
    if (!m || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    // The sender is gone (killed): it never sees an answer, so nothing was accepted.
    if (res.destroyed || req.socket.destroyed) return;
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { attachments?: Array<{ content: unknown }> };
    const list = this.accepted.get(m[1]!) ?? [];
    list.push(JSON.stringify(activity.attachments?.[0]?.content));
    this.accepted.set(m[1]!, list);
    this.total += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `act-${this.total}` }));
  }
}

function startChild(storagePath: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [BUNDLE], {
    env: {
      ...process.env,
      PORT: '0',
      STORAGE: `sqlite:${storagePath}`,
      LOG_LEVEL: 'error',
      NOTIFY_POLL_SECONDS: '5',
      NOTIFY_MAX_PER_SECOND: '50',
      MMD_API_BASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.on('exit', (code, signal) => reject(new Error(`child exited early (${code ?? signal}): ${errors.slice(0, 500)}`)));
  });
  return { child, ready };
}

const until = async (predicate: () => boolean, timeoutMs: number): Promise<boolean> => {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
};

describe('notifications survive the bot process being killed', () => {
  const connector = new CountingConnector();
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    bundleForChild(join(__dirname, 'crash-child.ts'), WORK, BUNDLE);
    await connector.start();
  });

  afterAll(async () => {
    if (child) await killHard(child);
    await connector.stop();
    rmSync(WORK, { recursive: true, force: true });
  });

  it(`delivers ${EVENTS} changes to ${SUBSCRIBERS} conversations exactly once across ${KILLS} kills`, async () => {
    const storagePath = join(WORK, 'bot.sqlite');
    const conversations = Array.from({ length: SUBSCRIBERS }, (_, i) => `a:conv-${String(i).padStart(3, '0')}`);
    // What the poller would have written: targets and three change events in the outbox.
    const seed = new SqliteStorage(storagePath);
    const subscriptions = new SubscriptionStore(seed);
    for (const key of conversations) {
      await subscriptions.saveTarget({
        key,
        conversationId: key,
        kind: 'personal',
        tenantId: 't-1',
        serviceUrl: connector.url,
        botId: 'bot-1',
      });
    }
    const outbox = new Outbox(seed);
    for (let n = 0; n < EVENTS; n++) {
      const event: ChangeEvent = {
        kind: 'change',
        id: `c-crash-${n}`,
        ticket: { ...TICKET, id: 'MMD-0000001-CRASH', severity: n + 2 },
        changes: [{ kind: 'field', field: 'severity', from: n + 1, to: n + 2 }],
        at: new Date(Date.UTC(2030, 0, 1, 0, n)).toISOString(),
        subscribers: conversations,
      };
      await outbox.write(event);
    }
    await seed.close();

    const expected = SUBSCRIBERS * EVENTS;
    let kills = 0;
    while (kills < KILLS) {
      const started = startChild(storagePath);
      child = started.child;
      await started.ready;
      const before = connector.total;
      const left = expected - before;
      // A random point within what is left (at least one send in, never past the end).
      const at = before + 1 + Math.floor(Math.random() * Math.max(1, Math.min(left - 1, 80)));
      const reached = await until(() => connector.total >= at, 20_000);
      connector.freeze();
      await new Promise((r) => setTimeout(r, 150));
      await killHard(child);
      connector.thaw();
      if (reached) kills += 1;
      if (connector.total >= expected) break;
    }
    // The last life: runs to the end.
    const last = startChild(storagePath);
    child = last.child;
    await last.ready;
    await until(() => connector.total >= expected, 30_000);
    // A moment more: anything beyond the expected count would be a duplicate.
    await new Promise((r) => setTimeout(r, 500));
    await killHard(child);

    expect(kills).toBeGreaterThanOrEqual(KILLS - 1);
    expect(connector.accepted.size).toBe(SUBSCRIBERS);
    for (const key of conversations) {
      const got = connector.accepted.get(key) ?? [];
      expect({ key, count: got.length, distinct: new Set(got).size }).toEqual({ key, count: EVENTS, distinct: EVENTS });
    }
    expect(connector.total).toBe(expected);
  }, 60_000);
});
