/** The real app in sandbox mode on loopback, and development SSO tokens from its emulator. */
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';

export const AUDIENCE = 'api://localhost/sandbox-client';
export const ADMIN = { upn: 'megan.bowen@contoso.example', name: 'Megan Bowen' };

export async function startTabApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'silent', ...env });
  return startApp(config, { host: '127.0.0.1', logger: createLogger({ level: 'silent' }) });
}

/** A token from the emulator's dev-token route (its real signing key); overrides make wrong ones. */
export async function devToken(app: RunningApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${app.emulator!.url}/_emulator/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ audience: AUDIENCE, ...ADMIN, ...overrides }),
  });
  const body = (await response.json()) as { access_token: string };
  if (response.status !== 200) throw new Error(`dev-token answered ${response.status}`);
  return body.access_token;
}

export async function tabApi<T = Record<string, unknown>>(
  app: RunningApp,
  path: string,
  init: { token?: string | null; method?: string; body?: unknown; authorization?: string } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.authorization !== undefined) headers.authorization = init.authorization;
  else if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${app.url}/api/tab/${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export const b64url = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
