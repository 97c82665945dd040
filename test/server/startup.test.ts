import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { loadConfigOrExit } from '../../src/config/load-or-exit';
import { startEmulator } from '../../src/emulator/emulator';
import { createLogger } from '../../src/log/logger';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { recentAudit, writeAudit } from '../../src/state/audit-log';
import { linesInto } from '../helpers/bot-harness';

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
