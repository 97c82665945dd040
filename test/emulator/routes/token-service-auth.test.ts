/**
 * The emulated Bot Framework token service checks the bot's bearer token like the real one
 * (issue 19): started with the bot's app id, every /api/usertoken and /api/botsignin route
 * answers 401 without a token, with a token it never issued, or with one issued to another app;
 * with the bot's own token the route does its work. Without an app id (the sandbox bot) they
 * answer anyone on loopback.
 */
import { startEmulator } from '../../../src/emulator/emulator';
import type { RunningEmulator } from '../../../src/emulator/types';
import { requestToken } from '../emulator-harness';

const query = 'userId=u-1&connectionName=mmd-sso&channelId=msteams';
const state = Buffer.from(JSON.stringify({ connectionName: 'mmd-sso' })).toString('base64');
const ROUTES: [string, string, unknown?][] = [
  ['GET', `/api/usertoken/GetToken?${query}`],
  ['POST', `/api/usertoken/exchange?${query}`, { token: 'not-an-sso-token' }],
  ['DELETE', `/api/usertoken/SignOut?${query}`],
  ['GET', `/api/botsignin/GetSignInResource?state=${encodeURIComponent(state)}`],
];

async function call(emulator: RunningEmulator, [method, path, body]: (typeof ROUTES)[number], authorization?: string) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { ...(authorization ? { authorization } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, text };
}

describe('token service routes, with the bot known', () => {
  let emulator: RunningEmulator;
  let botToken: string;
  beforeAll(async () => {
    // The token endpoint issues tokens to the app registration it knows: here, the bot.
    emulator = await startEmulator({ port: 0, botAppId: 'b07-app-id', clientId: 'b07-app-id' });
    botToken = String((await requestToken(emulator)).body.access_token);
  });
  afterAll(() => emulator.close());

  it.each(ROUTES.map((route) => [`${route[0]} ${route[1].split('?')[0]!}`, route] as const))(
    '%s: 401 without a token or with one it never issued; the bot’s token gets through',
    async (_name, route) => {
      for (const authorization of [undefined, 'Bearer forged-token', 'Basic abc']) {
        const refused = await call(emulator, route, authorization);
        expect(refused.status).toBe(401);
        expect(refused.text).not.toContain('forged-token');
      }
      const allowed = await call(emulator, route, `Bearer ${botToken}`);
      expect(allowed.status).not.toBe(401);
      expect(allowed.status).toBeLessThan(500);
    },
  );
});

describe('token service routes, with a token issued to another app', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, botAppId: 'the-bot' });
  });
  afterAll(() => emulator.close());

  it('refuses it', async () => {
    const otherApp = String((await requestToken(emulator)).body.access_token);
    const answer = await call(emulator, ROUTES[0]!, `Bearer ${otherApp}`);
    expect(answer.status).toBe(401);
    expect(answer.text).toMatch(/not issued to this bot/);
  });
});

describe('token service routes, for the sandbox bot (no app id)', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it('answers without a token', async () => {
    expect((await call(emulator, ROUTES[0]!)).status).toBe(404);
    expect((await call(emulator, ROUTES[3]!)).status).toBe(200);
  });
});
