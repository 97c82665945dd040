import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import jwt from 'jsonwebtoken';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { FakeConnector } from '../helpers/fake-connector';
import { FixedCredentialsFactory, OUTBOUND_TOKEN } from '../helpers/fixed-credentials';
import { JwksServer } from '../helpers/jwks-server';

/** Inbound auth is botbuilder's own check, configured, against a local OpenID metadata + JWKS. */
describe('inbound authentication with an app id', () => {
  const APP_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
  const jwks = new JwksServer();
  const connector = new FakeConnector();
  let app: RunningApp;
  const logs: string[] = [];
  let consoleError: jest.SpyInstance;
  let consoleWarn: jest.SpyInstance;

  beforeAll(async () => {
    // Installed before the app, so what botbuilder prints (or no longer prints) is what we see.
    consoleError = jest.spyOn(console, 'error');
    consoleWarn = jest.spyOn(console, 'warn');
    await jwks.start();
    await connector.start();
    const config = loadConfig({
      PORT: '0',
      STORAGE: 'memory',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-in-tests',
      ToBotFromChannelOpenIdMetadataUrl: jwks.metadataUrl,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    });
    app = await startApp(config, {
      logger: createLogger({
        level: 'debug',
        destination: new Writable({
          write(chunk: Buffer, _enc, cb) {
            logs.push(chunk.toString('utf8'));
            cb();
          },
        }),
      }),
      storage: new MemoryStorage(),
      credentialsFactory: new FixedCredentialsFactory(APP_ID),
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await connector.stop();
    await jwks.stop();
    consoleError.mockRestore();
    consoleWarn.mockRestore();
  });

  const activity = () => ({
    type: 'message',
    id: 'm1',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: 'user-1', name: 'Adele' },
    recipient: { id: `28:${APP_ID}`, name: 'MMD Assist' },
    conversation: { id: 'personal-auth-1', conversationType: 'personal' },
    text: 'help',
  });

  const post = (authorization?: string) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity()),
    });

  it('refuses a request without a token', async () => {
    expect((await post()).status).toBe(401);
  });

  it('refuses a token for another audience, issuer, or an expired one', async () => {
    expect((await post(`Bearer ${jwks.sign({ aud: 'someone-else', serviceurl: connector.url })}`)).status).toBe(401);
    expect((await post(`Bearer ${jwks.sign({ aud: APP_ID, serviceurl: connector.url, iss: 'https://evil.example' })}`)).status).toBe(401);
    expect((await post(`Bearer ${jwks.sign({ aud: APP_ID, serviceurl: connector.url, expiresInSeconds: -3600 })}`)).status).toBe(401);
    expect((await post(`Bearer ${jwks.sign({ aud: APP_ID, serviceurl: 'https://other.example/' })}`)).status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it('accepts a valid channel token and replies with the outbound credentials', async () => {
    const res = await post(`Bearer ${jwks.sign({ aud: APP_ID, serviceurl: connector.url })}`);
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
  });

  const claims = () => ({ serviceurl: connector.url });
  const forged: [string, () => string][] = [
    ['a bad signature (another key, same kid)', () =>
      jwt.sign(claims(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, {
        algorithm: 'RS256', keyid: jwks.kid, issuer: 'https://api.botframework.com', audience: APP_ID, expiresIn: 300,
      })],
    ['HS256 signed with a guessed secret', () =>
      jwt.sign(claims(), 'guessed-secret', { algorithm: 'HS256', keyid: jwks.kid, issuer: 'https://api.botframework.com', audience: APP_ID })],
    ['alg none', () => jwt.sign(claims(), '', { algorithm: 'none', issuer: 'https://api.botframework.com', audience: APP_ID })],
    ['alg none with the real kid', () =>
      jwt.sign(claims(), '', { algorithm: 'none', keyid: jwks.kid, issuer: 'https://api.botframework.com', audience: APP_ID })],
    ['an expired token', () => jwks.sign({ aud: APP_ID, serviceurl: connector.url, expiresInSeconds: -3600 })],
    ['another audience', () => jwks.sign({ aud: 'someone-else', serviceurl: connector.url })],
    ['another issuer', () => jwks.sign({ aud: APP_ID, serviceurl: connector.url, iss: 'https://evil.example' })],
    ['an unknown kid', () => jwks.sign({ aud: APP_ID, serviceurl: connector.url }, 'no-such-key')],
    ['garbage', () => 'not.a.jwt'],
  ];

  it.each(forged)('answers %s with 401, a short body, one warn line and nothing on the console', async (_name, token) => {
    logs.length = 0;
    consoleError.mockClear();
    consoleWarn.mockClear();
    const res = await post(`Bearer ${token()}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized' });
    const rejected = logs.filter((line) => line.includes('inbound token rejected'));
    expect(rejected).toHaveLength(1);
    const entry = JSON.parse(rejected[0]!) as Record<string, unknown>;
    expect(entry.level).toBe(40);
    expect(entry.reason).toEqual(expect.any(String));
    const all = logs.join('');
    expect(all).not.toMatch(/\n\s+at |BEGIN (RSA |)PUBLIC KEY|"stack"/);
    expect(all).not.toContain(jwks.publicModulus);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('answers "Bearer" without a token, and a token without "Bearer", with 401', async () => {
    expect((await post('Bearer ')).status).toBe(401);
    expect((await post(jwks.sign({ aud: APP_ID, serviceurl: connector.url }))).status).toBe(401);
  });
});
