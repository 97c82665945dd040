/**
 * Telemetry as an operator gets it (issue 23): the bot runs as its own process in live mode
 * against the emulator, with APPLICATIONINSIGHTS_CONNECTION_STRING pointing at a local ingestion
 * endpoint: an HTTPS server on loopback with a certificate made for this run (the Azure Monitor
 * exporter only speaks https), trusted by the child through NODE_EXTRA_CA_CERTS. What arrives is
 * the exporter's Breeze JSON (gzipped): a request per turn named by its kind, with intent or
 * verb, role and outcome and never the user's words; dependencies under it for the MMD and Graph
 * calls; custom metrics for turn latency, API errors by status, 429s and notification lag.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { FakeConnector } from '../helpers/fake-connector';
import { bundleForChild } from '../helpers/child-process';
import { emulatorEnv } from '../helpers/emulator-env';

const ROOT = join(__dirname, '..', '..');
// Three levels under the root, so the bundle finds cards/ and package.json as dist/src would.
const WORK = join(ROOT, 'test-artifacts', 'telemetry', `run-${process.pid}`);
const BUNDLE = join(WORK, 'child.js');
const TENANT = 'tenant-telemetry';
const SECRET_WORDS = 'Zebra-Quartz-Lantern';

interface MetricPoint {
  name: string;
  value: number;
  count?: number;
}

interface Envelope {
  name: string;
  iKey?: string;
  tags?: Record<string, string>;
  data: { baseType: string; baseData: Record<string, unknown> & { properties?: Record<string, string>; metrics?: MetricPoint[] } };
}

/** The local "Application Insights": every envelope posted to /v2.1/track, unzipped. */
class Ingestion {
  envelopes: Envelope[] = [];
  paths: string[] = [];
  private server?: Server;
  url = '';

  async start(cert: string, key: string): Promise<void> {
    this.server = createServer({ cert, key }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.paths.push(`${req.method} ${req.url}`);
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        if (req.url?.includes('/track') && body.length) {
          const items = JSON.parse(body.toString('utf8')) as Envelope[];
          this.envelopes.push(...items);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('telemetry to Application Insights', () => {
  let emulator: RunningEmulator;
  const connector = new FakeConnector();
  const ingestion = new Ingestion();
  let child: ChildProcess;
  let botUrl = '';
  let output = '';

  beforeAll(async () => {
    bundleForChild(join(ROOT, 'src', 'index.ts'), WORK, BUNDLE);
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        join(WORK, 'key.pem'),
        '-out',
        join(WORK, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    await ingestion.start(readFileSync(join(WORK, 'cert.pem'), 'utf8'), readFileSync(join(WORK, 'key.pem'), 'utf8'));
    emulator = await startEmulator({});
    await connector.start();
    child = spawn(process.execPath, [BUNDLE], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        STORAGE: 'memory',
        LOG_LEVEL: 'info',
        ...emulatorEnv(emulator),
        ALLOW_UNAUTHENTICATED: 'true',
        ALLOWED_TENANT_IDS: TENANT,
        DEFAULT_ROLE: 'operator',
        NOTIFY_POLL_SECONDS: '5',
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000023;IngestionEndpoint=${ingestion.url};LiveEndpoint=${ingestion.url}`,
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        NODE_EXTRA_CA_CERTS: join(WORK, 'cert.pem'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    botUrl = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /MMD Assist listening on port (\d+)/.exec(output);
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      });
      child.once('exit', (code) => reject(new Error(`bot exited (${code}): ${output.slice(0, 2000)}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    }
    await connector.stop();
    await emulator?.close();
    await ingestion.stop();
    rmSync(WORK, { recursive: true, force: true });
  });

  async function say(text: string, conversationId = 'a:personal-telemetry'): Promise<void> {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text,
        channelId: 'msteams',
        serviceUrl: connector.url,
        id: `act-${Math.random()}`,
        from: { id: 'user-1', name: 'Adele Vance', aadObjectId: 'aad-user-1' },
        recipient: { id: 'bot-1', name: 'MMD Assist' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
      }),
    });
    expect(res.status).toBe(200);
  }

  const requests = () => ingestion.envelopes.filter((e) => e.data.baseType === 'RequestData');
  const dependencies = () => ingestion.envelopes.filter((e) => e.data.baseType === 'RemoteDependencyData');
  /** Each custom metric data point: its name, value, count and dimensions. */
  const metrics = (name: string) =>
    ingestion.envelopes
      .filter((e) => e.data.baseType === 'MetricData')
      .flatMap((e) => (e.data.baseData.metrics ?? []).map((m) => ({ ...m, properties: e.data.baseData.properties ?? {} })))
      .filter((m) => m.name === name);
  const turnOf = (intent: string) => requests().filter((r) => r.data.baseData.properties?.['mmd_assist.intent'] === intent);

  beforeAll(async () => {
    await say('devices');
    await say(`search ${SECRET_WORDS}`);
    await say(`${SECRET_WORDS} please`);
    await say('incidents active');
    await say('new ticket');
    await say('audit');
    // One 429 (retried, then answered) and one 500 (the user gets the error card).
    emulator.faults.add({ method: 'GET', path: 'tickets', status: 429, retryAfterSeconds: 0, times: 1 });
    await say('tickets');
    emulator.faults.add({ method: 'GET', path: 'devices', status: 500, times: 1 });
    await say('devices');
    // A ticket change reaches a subscribed chat: the notification lag.
    await say(`subscribe ${EXAMPLE_TICKET_ID}`, 'a:personal-subscribed');
    // A notifier round after the subscription lists the tickets: the change below comes after it.
    const subscribedAt = emulator.requestLog().length;
    const polled = () =>
      emulator
        .requestLog()
        .slice(subscribedAt)
        .some((r) => r.method === 'GET' && /\/tickets(\?|$)/.test(r.url));
    for (let i = 0; i < 40 && !polled(); i++) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(polled()).toBe(true);
    const before = connector.sent('a:personal-subscribed').length;
    await fetch(`${emulator.url}/_emulator/tickets/${EXAMPLE_TICKET_ID}/changes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ severity: 1, nextActionOwner: 'Contoso desk' }),
    });
    for (let i = 0; i < 40 && connector.sent('a:personal-subscribed').length === before; i++)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(connector.sent('a:personal-subscribed').length).toBeGreaterThan(before);
    // Stopping flushes what is buffered (metrics are otherwise sent once a minute).
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  }, 90_000);

  it('posts Breeze envelopes to the configured ingestion endpoint, with the bot as cloud role', () => {
    expect(ingestion.paths).toContain('POST /v2.1/track');
    expect(ingestion.envelopes.length).toBeGreaterThan(0);
    for (const e of ingestion.envelopes) expect(e.iKey).toBe('00000000-0000-4000-8000-000000000023');
    expect(requests()[0]?.tags?.['ai.cloud.role']).toBe('mmd-assist');
  });

  it('records one request per turn with its intent, role and outcome, and never the user text', () => {
    expect(requests().every((r) => r.data.baseData.name === 'turn message')).toBe(true);
    expect(turnOf('devices').map((r) => r.data.baseData.properties?.['mmd_assist.outcome'])).toEqual(['ok', 'api_error']);
    expect(turnOf('incidents')).toHaveLength(1);
    // "search <words>" and "<words> please" are not commands: counted as unknown, words not sent.
    expect(turnOf('unknown')).toHaveLength(2);
    expect(turnOf('newTicket')[0]?.data.baseData.properties).toMatchObject({ 'mmd_assist.role': 'operator', 'mmd_assist.outcome': 'ok' });
    expect(turnOf('audit')[0]?.data.baseData.properties).toMatchObject({ 'mmd_assist.role': 'operator', 'mmd_assist.outcome': 'refused' });
    // Nothing the user typed (the search words) reaches Application Insights, in any item.
    expect(JSON.stringify(ingestion.envelopes)).not.toContain(SECRET_WORDS);
    expect(JSON.stringify(ingestion.envelopes)).not.toContain(emulator.clientSecret);
  });

  it('records the MMD and Graph calls as dependencies inside their turn', () => {
    const [devices] = turnOf('devices');
    const mmd = dependencies().find(
      (d) => d.data.baseData.name === 'MMD GET devices' && d.tags?.['ai.operation.id'] === devices!.tags?.['ai.operation.id'],
    );
    expect(mmd?.tags?.['ai.operation.parentId']).toBe(devices!.data.baseData.id);
    expect(mmd?.data.baseData).toMatchObject({ resultCode: '200', success: true });
    const [incidents] = turnOf('incidents');
    const graph = dependencies().filter(
      (d) =>
        d.data.baseData.properties?.['mmd_assist.service'] === 'Graph' &&
        d.tags?.['ai.operation.id'] === incidents!.tags?.['ai.operation.id'],
    );
    expect(graph.length).toBeGreaterThan(0);
    expect(graph[0]?.tags?.['ai.operation.parentId']).toBe(incidents!.data.baseData.id);
    // The failed and throttled attempts, with their status.
    expect(
      dependencies()
        .filter((d) => d.data.baseData.name === 'MMD GET devices')
        .map((d) => d.data.baseData.resultCode),
    ).toContain('500');
    expect(
      dependencies()
        .filter((d) => d.data.baseData.name === 'MMD GET tickets')
        .map((d) => d.data.baseData.resultCode),
    ).toContain('429');
    // A dependency names a resource, never a device name or the typed search.
    for (const d of dependencies())
      if (d.data.baseData.properties?.['mmd_assist.service']) expect(d.data.baseData.name).toMatch(/^(MMD|Graph) [A-Z]+ [A-Za-z./]+$/);
  });

  it('sends the turn latency, API errors by status, 429s and the notification lag as metrics', () => {
    const latency = metrics('mmd_assist.turn.duration');
    expect(latency.reduce((n, m) => n + Number(m.count), 0)).toBe(requests().length);
    expect(latency.find((m) => m.properties.intent === 'devices' && m.properties.outcome === 'api_error')).toBeDefined();
    const errors = metrics('mmd_assist.api.errors');
    expect(errors.map((m) => [m.properties.service, m.properties.status, m.value]).sort()).toEqual([
      ['MMD', '429', 1],
      ['MMD', '500', 1],
    ]);
    expect(metrics('mmd_assist.api.throttled').map((m) => [m.properties.service, m.value])).toEqual([['MMD', 1]]);
    const lag = metrics('mmd_assist.notification.lag');
    expect(lag.reduce((n, m) => n + Number(m.count), 0)).toBe(1);
    expect(Number(lag[0]!.value)).toBeGreaterThanOrEqual(0);
  });
});

describe('telemetry off (no APPLICATIONINSIGHTS_CONNECTION_STRING)', () => {
  const OFF_WORK = join(ROOT, 'test-artifacts', 'telemetry', `off-${process.pid}`);
  const OFF_BUNDLE = join(OFF_WORK, 'child.js');
  let emulator: RunningEmulator;

  beforeAll(async () => {
    bundleForChild(join(ROOT, 'src', 'index.ts'), OFF_WORK, OFF_BUNDLE);
    emulator = await startEmulator({});
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
    rmSync(OFF_WORK, { recursive: true, force: true });
  });

  it('loads not one OpenTelemetry or Azure Monitor module', async () => {
    // Once the server listens (telemetry is decided before), the child prints what it has loaded and exits.
    const probe = `
      const http = require('node:http');
      const listen = http.Server.prototype.listen;
      http.Server.prototype.listen = function (...args) {
        this.once('listening', () => setImmediate(() => {
          const loaded = Object.keys(require.cache).filter((k) => /opentelemetry|monitor-opentelemetry|applicationinsights/i.test(k));
          process.stderr.write('LOADED ' + JSON.stringify(loaded) + '\\n');
          process.exit(0);
        }));
        return listen.apply(this, args);
      };
      require(${JSON.stringify(OFF_BUNDLE)});
    `;
    const child = spawn(process.execPath, ['-e', probe], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        STORAGE: 'memory',
        LOG_LEVEL: 'warn',
        ...emulatorEnv(emulator),
        ALLOW_UNAUTHENTICATED: 'true',
        NOTIFY_POLL_SECONDS: '86400',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    const line = /LOADED (.*)/.exec(err);
    expect(line).not.toBeNull();
    expect(JSON.parse(line![1]!)).toEqual([]);
  }, 60_000);
});
