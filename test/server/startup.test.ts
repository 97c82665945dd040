import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { loadConfigOrExit } from '../../src/config/load-or-exit';
import { startEmulator } from '../../src/emulator/emulator';
import { createLogger } from '../../src/log/logger';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { recentAudit, writeAudit } from '../../src/state/audit-log';
import { linesInto, answerText, BotHarness, cardOf, cardText, TEST_TENANT } from '../helpers/bot-harness';
import { emulatorEnv } from '../helpers/emulator-env';
import type { RunningEmulator } from '../../src/emulator/types';
import { tabApi } from '../tab/tab-harness';

describe('start-up checks', () => {
  it('refuses live mode without an app id with one line and exit code 2', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() =>
        loadConfigOrExit({ MMD_API_BASE_URL: 'https://x', MMD_TENANT_ID: 't', MMD_CLIENT_ID: 'c', MMD_CLIENT_SECRET: 'very-secret-value' }),
      ).toThrow('exit');
      expect(exit).toHaveBeenCalledWith(2);
      expect(error).toHaveBeenCalledTimes(1);
      const line = String(error.mock.calls[0]![0]);
      expect(line).toMatch(/MicrosoftAppId is required.*ALLOW_UNAUTHENTICATED=true/);
      expect(line).not.toContain('\n');
      expect(line).not.toContain('very-secret-value');
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
  });

  it('with ALLOW_UNAUTHENTICATED=true in live mode: listens on loopback only and warns at start', async () => {
    const emulator = await startEmulator({});
    const logs: string[] = [];
    const config = loadConfig({
      PORT: '0',
      STORAGE: 'memory',
      MMD_API_BASE_URL: emulator.mmdBaseUrl,
      MMD_TENANT_ID: emulator.tenantId,
      MMD_CLIENT_ID: emulator.clientId,
      MMD_CLIENT_SECRET: emulator.clientSecret,
      AAD_TOKEN_ENDPOINT: emulator.tokenEndpoint,
      ALLOW_UNAUTHENTICATED: 'true',
    });
    const app = await startApp(config, {
      storage: new MemoryStorage(),
      logger: createLogger({
        destination: linesInto(logs),
      }),
    });
    try {
      expect(app.mode).toBe('live');
      expect(app.server.app.address().address).toBe('127.0.0.1');
      const warning = logs.map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => /inbound auth is OFF/.test(l.msg));
      expect(warning?.level).toBe(40);
    } finally {
      await app.stop();
      await emulator.close();
    }
  });

  it('`npm start` before a build says to run `npm run build`, without a stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mmd-start-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(join(__dirname, '../../bin/start.mjs'), join(dir, 'bin/start.mjs'));
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, [join(dir, 'bin/start.mjs')], (err, _stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
        );
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/run `npm run build` first/);
      expect(result.stderr).not.toMatch(/MODULE_NOT_FOUND|\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Issue 25 point 10: the sandbox's state lives as long as the emulator's data. Two starts of the
 * real app with the sandbox's default configuration: a ticket created and audited in the first is
 * gone with its emulator, and so is its audit record.
 */
describe('sandbox lifetime', () => {
  it('a restart of the sandbox starts both the data and the bot state fresh', async () => {
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
    expect(config.storage.kind).toBe('memory');
    const logger = createLogger({ level: 'silent' });
    const first = await startApp(config, { logger });
    let id: string;
    try {
      const ticket = await first.mmd.tickets.create({
        title: 'Lives with its sandbox',
        description: 'x',
        type: 'ChangeRequest',
        category: 'Devices',
        subcategory: 'Deployment groups assignment',
        severity: 4,
        contact: { givenName: 'A', surname: 'V', email: 'a@contoso.com', phoneNumber: '+1 425 555 0100' },
      });
      id = ticket.id;
      await writeAudit(first.storage, {
        at: new Date().toISOString(),
        action: 'ticket.create',
        outcome: 'done',
        target: { kind: 'ticket', id },
        user: { id: 'user-1', name: 'Adele Vance' },
        conversation: { id: 'c', kind: 'personal' },
        correlationId: 'x',
      });
      expect(JSON.stringify(await recentAudit(first.storage, 100))).toContain(id);
    } finally {
      await first.stop();
    }
    const second = await startApp(config, { logger });
    try {
      expect(await second.mmd.tickets.get(id)).toBeNull();
      expect(JSON.stringify(await recentAudit(second.storage, 100))).not.toContain(id);
    } finally {
      await second.stop();
    }
  });
});

/**
 * A wrong client secret, as an operator would mistype it: the bot starts in live mode against
 * the emulator's token endpoint, /healthz says `degraded` naming the MMD and Graph tokens, the
 * log has exactly one line with the fix, and a user gets the sentence to tell the administrator
 * (never AADSTS text or a doubled "invalid_client: invalid_client"); the welcome card says the
 * connection does not work. With the right secret everything is ok.
 */
const FIX = /MMD_CLIENT_SECRET is wrong or expired/;

function liveEnv(emulator: RunningEmulator, secret: string): Record<string, string> {
  return {
    ...emulatorEnv(emulator),
    MMD_CLIENT_SECRET: secret,
    ALLOW_UNAUTHENTICATED: 'true',
    ALLOWED_TENANT_IDS: TEST_TENANT,
  };
}

interface Health {
  status: string;
  mode: string;
  failed?: Array<{ dependency: string; reason: string }>;
}

async function healthOf(harness: BotHarness): Promise<Health> {
  const res = await fetch(`${harness.app.url}/healthz`);
  expect(res.status).toBe(200);
  return (await res.json()) as Health;
}

describe('start-up credential check', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({});
  });
  afterAll(() => emulator.close());

  describe('with a wrong MMD_CLIENT_SECRET', () => {
    let harness: BotHarness;
    beforeAll(async () => {
      harness = await BotHarness.start({ env: liveEnv(emulator, 'obviously-wrong') });
    });
    afterAll(() => harness.stop());

    it('/healthz is degraded, naming the MMD and Graph tokens with the fix, and the process serves', async () => {
      const health = await healthOf(harness);
      expect(health.status).toBe('degraded');
      expect(health.mode).toBe('live');
      expect(health.failed?.map((f) => f.dependency).sort()).toEqual(['graph-token', 'mmd-token']);
      for (const f of health.failed ?? []) expect(f.reason).toMatch(FIX);
      expect(JSON.stringify(health)).not.toContain('obviously-wrong');
    });

    it('a user is told to contact the administrator, in words without AADSTS; the log has one line with the fix', async () => {
      const replies = await harness.say('devices');
      const said = answerText(replies[0]);
      expect(said).toContain("MMD Assist cannot reach the MMD service with its credentials; tell the bot's administrator");
      expect(said).not.toMatch(/AADSTS|invalid_client|The service said/);
      // A second command does not log the fix again.
      await harness.say('tickets');
      const fixLines = harness.logs.filter((l) => FIX.test(l));
      expect(fixLines).toHaveLength(1);
      expect(JSON.parse(fixLines[0]!)).toMatchObject({ level: 50 });
      expect(fixLines[0]).toMatch(/AADSTS7000215/);
      expect(harness.logs.join('\n')).not.toMatch(/invalid_client: invalid_client/);
      expect(harness.logs.join('\n')).not.toContain('obviously-wrong');
    });

    it('the welcome card states that the connection does not work', async () => {
      await harness.post(
        harness.activity(
          { type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }, { id: 'user-1' }] },
          { conversationId: 'welcome-conv' },
        ),
      );
      const text = cardText(cardOf(harness.connector.sent('welcome-conv')[0]));
      expect(text).toContain('cannot reach the MMD service with its credentials');
      expect(text).not.toContain('Connected to your Microsoft Managed Desktop tenant');
    });
  });

  describe('with the right secret', () => {
    let harness: BotHarness;
    beforeAll(async () => {
      harness = await BotHarness.start({ env: liveEnv(emulator, emulator.clientSecret) });
    });
    afterAll(() => harness.stop());

    it('/healthz is ok, nothing is logged about credentials, and the welcome card says connected', async () => {
      expect(await healthOf(harness)).toMatchObject({ status: 'ok', mode: 'live' });
      expect(harness.logs.filter((l) => /wrong or expired|check MMD_TENANT_ID/.test(l))).toEqual([]);
      await harness.post(
        harness.activity(
          { type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }, { id: 'user-1' }] },
          { conversationId: 'welcome-ok' },
        ),
      );
      expect(cardText(cardOf(harness.connector.sent('welcome-ok')[0]))).toContain('Connected to your Microsoft Managed Desktop tenant.');
    });
  });
});

/**
 * Live mode never hands out development tokens or the development host, and its token check
 * points at the real identity platform's metadata (never the emulator's key).
 */
describe('live mode: the tab and its tokens', () => {
  let emulator: RunningEmulator;
  let app: RunningApp;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    const config = loadConfig({
      PORT: '0',
      STORAGE: 'memory',
      ALLOW_UNAUTHENTICATED: 'true',
      ...emulatorEnv(emulator),
      TAB_SSO_AUDIENCE: `api://bot.example.com/${emulator.clientId}`,
      // Unroutable on purpose: a live server must not trust the emulator even if it runs next door.
      TAB_SSO_METADATA_URL: 'http://127.0.0.1:9/none/.well-known/openid-configuration',
    });
    app = await startApp(config, { host: '127.0.0.1', logger: createLogger({ level: 'silent' }) });
  });
  afterAll(async () => {
    await app?.stop();
    await emulator?.close();
  });

  test('no development token route and no development host in live mode', async () => {
    expect(app.mode).toBe('live');
    expect((await fetch(`${app.url}/tab/dev/token`)).status).toBe(404);
    expect((await fetch(`${app.url}/tab/dev/host.html`)).status).toBe(404);
  });

  test('a token signed by the emulator is not accepted in live mode', async () => {
    const response = await fetch(`${emulator.url}/_emulator/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ audience: `api://bot.example.com/${emulator.clientId}`, upn: 'a@contoso.example', name: 'A' }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const answer = await tabApi<{ error: string }>(app, 'summary', { token });
    expect(answer.status).toBe(503);
    expect(answer.body.error).toBe('sso_unavailable');
  });

  test('without TAB_SSO_AUDIENCE in live mode the tab API is off', async () => {
    const config = loadConfig({
      PORT: '0',
      STORAGE: 'memory',
      ALLOW_UNAUTHENTICATED: 'true',
      MMD_API_BASE_URL: emulator.mmdBaseUrl,
      MMD_TENANT_ID: emulator.tenantId,
      MMD_CLIENT_ID: 'x',
      MMD_CLIENT_SECRET: 'y',
    });
    expect(config.tab.audiences).toEqual([]);
    const off = await startApp(config, { host: '127.0.0.1', logger: createLogger({ level: 'silent' }) });
    try {
      const answer = await tabApi<{ error: string }>(off, 'summary', { token: 'a.b.c' });
      expect(answer.status).toBe(503);
      expect(answer.body.error).toBe('tab_not_configured');
    } finally {
      await off.stop();
    }
  });
});
