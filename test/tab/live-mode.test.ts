/**
 * Live mode never hands out development tokens or the development host, and its token check
 * points at the real identity platform's metadata (never the emulator's key).
 */
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { tabApi } from './tab-harness';

let emulator: RunningEmulator;
let app: RunningApp;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const config = loadConfig({
    PORT: '0',
    STORAGE: 'memory',
    ALLOW_UNAUTHENTICATED: 'true',
    MMD_API_BASE_URL: emulator.mmdBaseUrl,
    MMD_TENANT_ID: emulator.tenantId,
    MMD_CLIENT_ID: emulator.clientId,
    MMD_CLIENT_SECRET: emulator.clientSecret,
    AAD_TOKEN_ENDPOINT: emulator.tokenEndpoint,
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
