import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { createMsalCredentials, type MsalCredentials } from '../../src/http/token-provider';
import { fakeDate } from '../helpers/clock';

/** The token is held until 5 minutes before it expires, shared by concurrent first callers. */

let emulator: RunningEmulator;
let credentials: MsalCredentials;
beforeAll(async () => {
  // 302 s: held for about 2 s, then within the 5-minute margin.
  emulator = await startEmulator({ port: 0, tokenLifetimeSeconds: 302 });
  credentials = createMsalCredentials({
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    authorityHost: 'https://login.microsoftonline.com',
    tokenEndpoint: emulator.tokenEndpoint,
    timeoutMs: 5000,
  });
});
afterAll(() => emulator.close());

describe('held token', () => {
  it('is reused until 5 minutes before expiry, then replaced with one request', async () => {
    const provider = credentials.forScope('api://held/.default');
    const before = emulator.tokenRequestCount();
    const first = await Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
    for (let i = 0; i < 50; i += 1) expect(await provider.getToken()).toBe(first[0]);
    expect(new Set(first).size).toBe(1);
    expect(emulator.tokenRequestCount()).toBe(before + 1);

    // expiresOn has whole-second precision: past the 2 s hold with a second to spare.
    const clock = fakeDate();
    try {
      clock.advance(1000); // still inside the hold
      expect(await provider.getToken()).toBe(first[0]);
      expect(emulator.tokenRequestCount()).toBe(before + 1);
      clock.advance(2500);
      const renewed = await Promise.all([provider.getToken(), provider.getToken()]);
      expect(emulator.tokenRequestCount()).toBe(before + 2);
      expect(renewed[0]).toBe(renewed[1]);
      expect(renewed[0]).not.toBe(first[0]);
    } finally {
      clock.restore();
    }
  });

  it('is dropped on forceRefresh (the 401 path)', async () => {
    const provider = credentials.forScope('api://forced/.default');
    const before = emulator.tokenRequestCount();
    const first = await provider.getToken();
    const fresh = await provider.getToken({ forceRefresh: true });
    expect(fresh).not.toBe(first);
    expect(await provider.getToken()).toBe(fresh);
    expect(emulator.tokenRequestCount()).toBe(before + 2);
  });

  it('keeps one token per scope on one MSAL client', async () => {
    const a = credentials.forScope('api://a/.default');
    const b = credentials.forScope('api://b/.default');
    const before = emulator.tokenRequestCount();
    await Promise.all([a.getToken(), b.getToken(), a.getToken(), b.getToken()]);
    await Promise.all([a.getToken(), b.getToken()]);
    expect(emulator.tokenRequestCount()).toBe(before + 2);
  });
});
