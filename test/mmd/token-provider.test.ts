import { inspect } from 'node:util';
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { createMmdClient } from '../../src/mmd/create-client';
import { emulatorTokenProvider } from './emulator-client';
import { failure } from './failure';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, devices: 3, users: 2, tickets: 2 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.faults.clear());

/** fetch that records every URL MSAL asks for. */
function recordingFetch(calls: string[]): typeof fetch {
  return (input, init) => {
    // MSAL adds ?client-request-id=...; the address is what matters here.
    calls.push(
      `${init?.method ?? 'GET'} ${(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).split('?')[0]}`,
    );
    return fetch(input, init);
  };
}

describe('MSAL token provider', () => {
  it('sends exactly one POST to the token endpoint and fetches nothing else; later calls come from the cache', async () => {
    const calls: string[] = [];
    const provider = emulatorTokenProvider(emulator, { fetch: recordingFetch(calls) });
    const before = emulator.tokenRequestCount();
    // Concurrent first calls share one request.
    const first = await Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
    const later = [await provider.getToken(), await provider.getToken()];
    expect(new Set([...first, ...later]).size).toBe(1);
    expect(calls).toEqual([`POST ${emulator.tokenEndpoint}`]);
    expect(emulator.tokenRequestCount()).toBe(before + 1);
  });

  it('needs no discovery for an authority host MSAL does not know either', async () => {
    const calls: string[] = [];
    const provider = emulatorTokenProvider(emulator, { fetch: recordingFetch(calls), authorityHost: 'https://login.sovereign.example' });
    await provider.getToken();
    expect(calls).toEqual([`POST ${emulator.tokenEndpoint}`]);
  });

  it('serves many API calls with one token', async () => {
    const provider = emulatorTokenProvider(emulator);
    const client = createMmdClient({ baseUrl: emulator.mmdBaseUrl, tenantId: emulator.tenantId, tokenProvider: provider });
    const before = emulator.tokenRequestCount();
    for (let i = 0; i < 5; i += 1) await client.devices.list({ top: 1 });
    await Promise.all([client.tickets.list(), client.users.list(), client.elevations.list()]);
    expect(emulator.tokenRequestCount()).toBe(before + 1);
  });

  it('fetches a new token on forceRefresh', async () => {
    const calls: string[] = [];
    const provider = emulatorTokenProvider(emulator, { fetch: recordingFetch(calls) });
    await provider.getToken();
    await provider.getToken({ forceRefresh: true });
    expect(calls).toEqual([`POST ${emulator.tokenEndpoint}`, `POST ${emulator.tokenEndpoint}`]);
  });

  it('turns a rejected secret into token_error without the secret', async () => {
    const secret = 'wrong-secret-value-1234';
    const provider = emulatorTokenProvider(emulator, { clientSecret: secret });
    const error = await failure(provider.getToken());
    expect(error).toMatchObject({ status: 401, code: 'token_error', retryable: false });
    expect(error.serviceMessage).toContain('invalid_client');
    for (const printed of [JSON.stringify(error), inspect(error, { showHidden: true, depth: 10 }), error.message, String(error.stack)]) {
      expect(printed).not.toContain(secret);
      expect(printed).not.toContain(emulator.clientSecret);
    }

    // Through the client: the same error, not retried.
    const client = createMmdClient({
      baseUrl: emulator.mmdBaseUrl,
      tenantId: emulator.tenantId,
      tokenProvider: provider,
      sleep: async () => undefined,
    });
    const before = emulator.requestLog().length;
    const viaClient = await failure(client.devices.list());
    expect(viaClient.code).toBe('token_error');
    expect(emulator.requestLog().length).toBe(before);
  });

  it('gives up on a token endpoint that does not answer in time', async () => {
    emulator.faults.add({ path: '/oauth2/v2.0/token$', latencyMs: 1000 });
    const provider = emulatorTokenProvider(emulator, { timeoutMs: 100 });
    const error = await failure(provider.getToken());
    expect(error).toMatchObject({ status: 401, code: 'token_error', retryable: true });
  });
});
