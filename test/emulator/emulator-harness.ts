/** Starts an emulator and calls it over real HTTP on 127.0.0.1, the way a client would. */
import { startEmulator } from '../../src/emulator/emulator';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/types';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Harness {
  emulator: RunningEmulator;
  token: string;
  tenantPath: string;
  /** Calls the MMD API (relative to mmdBaseUrl) with the bearer token unless `auth` is given. */
  api<T = Record<string, unknown>>(path: string, init?: RequestInit & { auth?: string | null }): Promise<Answer<T>>;
  close(): Promise<void>;
}

export async function requestToken(
  emulator: RunningEmulator,
  fields: Record<string, string> = {},
): Promise<Answer<Record<string, unknown>>> {
  const response = await fetch(emulator.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: emulator.clientId,
      client_secret: emulator.clientSecret,
      scope: 'https://mwaas-services-customerapi-prod.azurewebsites.net/.default',
      ...fields,
    }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

export async function readAnswer<T>(response: Response): Promise<Answer<T>> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, ...options });
  const token = (await requestToken(emulator)).body.access_token;
  if (typeof token !== 'string') throw new Error('no token');
  return {
    emulator,
    token,
    tenantPath: `tenants/${emulator.tenantId}`,
    async api<T>(path: string, init: RequestInit & { auth?: string | null } = {}) {
      const { auth, ...rest } = init;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (auth !== null) headers.authorization = auth ?? `Bearer ${token}`;
      if (rest.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${emulator.mmdBaseUrl}${path}`, {
        ...rest,
        headers: { ...headers, ...(rest.headers ?? {}) },
      });
      return readAnswer<T>(response);
    },
    close: () => emulator.close(),
  };
}

/** A page of a collection answer. */
export interface Collection<T = Record<string, unknown>> {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: T[];
}
