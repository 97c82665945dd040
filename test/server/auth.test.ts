import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { FakeConnector } from '../helpers/fake-connector';
import { FixedCredentialsFactory, OUTBOUND_TOKEN } from '../helpers/fixed-credentials';
import { JwksServer } from '../helpers/jwks-server';
import { cardOf, cardText, linesInto, BotHarness, TEST_TENANT } from '../helpers/bot-harness';

/** Inbound auth is botbuilder's own check, configured, against a local OpenID metadata + JWKS. */
/** The Bot Framework Emulator's tenant, as its tokens name it. */
const EMULATOR_TENANT = 'd6d49420-f39b-4df7-a1dc-d59a935871db';

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
    });
    app = await startApp(config, {
      logger: createLogger({
        level: 'debug',
        destination: linesInto(logs),
      }),
      storage: new MemoryStorage(),
      credentialsFactory: new FixedCredentialsFactory(APP_ID),
      host: '127.0.0.1',
      inboundAuth: { openIdMetadataUrl: jwks.metadataUrl, tokenIssuer: 'https://api.botframework.com' },
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
    [
      'a bad signature (another key, same kid)',
      () =>
        jwt.sign(claims(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, {
          algorithm: 'RS256',
          keyid: jwks.kid,
          issuer: 'https://api.botframework.com',
          audience: APP_ID,
          expiresIn: 300,
        }),
    ],
    [
      'HS256 signed with a guessed secret',
      () =>
        jwt.sign(claims(), 'guessed-secret', {
          algorithm: 'HS256',
          keyid: jwks.kid,
          issuer: 'https://api.botframework.com',
          audience: APP_ID,
        }),
    ],
    ['alg none', () => jwt.sign(claims(), '', { algorithm: 'none', issuer: 'https://api.botframework.com', audience: APP_ID })],
    [
      'alg none with the real kid',
      () => jwt.sign(claims(), '', { algorithm: 'none', keyid: jwks.kid, issuer: 'https://api.botframework.com', audience: APP_ID }),
    ],
    ['an expired token', () => jwks.sign({ aud: APP_ID, serviceurl: connector.url, expiresInSeconds: -3600 })],
    ['another audience', () => jwks.sign({ aud: 'someone-else', serviceurl: connector.url })],
    ['another issuer', () => jwks.sign({ aud: APP_ID, serviceurl: connector.url, iss: 'https://evil.example' })],
    ['an unknown kid', () => jwks.sign({ aud: APP_ID, serviceurl: connector.url }, 'no-such-key')],
    ['garbage', () => 'not.a.jwt'],
    // Shaped like the Bot Framework Emulator's or a skill's (Entra v1 issuer, appid), unsigned and signed: once 500.
    [
      'an unsigned Emulator-shaped v1 token',
      () =>
        jwt.sign({ ...claims(), appid: APP_ID, ver: '1.0', tid: EMULATOR_TENANT }, '', {
          algorithm: 'none',
          issuer: `https://sts.windows.net/${EMULATOR_TENANT}/`,
          audience: APP_ID,
          expiresIn: 300,
        }),
    ],
    [
      'a signed Emulator-shaped v1 token',
      () =>
        jwks.signRaw({
          ...claims(),
          appid: APP_ID,
          ver: '1.0',
          iss: `https://sts.windows.net/${EMULATOR_TENANT}/`,
          aud: APP_ID,
          exp: Math.floor(Date.now() / 1000) + 300,
        }),
    ],
    [
      'a v2-shaped token',
      () =>
        jwks.signRaw({
          ...claims(),
          azp: APP_ID,
          ver: '2.0',
          iss: `https://login.microsoftonline.com/${EMULATOR_TENANT}/v2.0`,
          aud: APP_ID,
          exp: Math.floor(Date.now() / 1000) + 300,
        }),
    ],
    ['a correctly signed channel token without exp', () => jwks.signRaw({ ...claims(), iss: 'https://api.botframework.com', aud: APP_ID })],
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

describe("inbound authentication when Microsoft's OpenID metadata cannot be fetched", () => {
  const APP_ID = 'a1b2c3d4-0000-4000-8000-000000000002';
  const jwks = new JwksServer();
  const connector = new FakeConnector();
  let app: RunningApp;
  const logs: string[] = [];

  beforeAll(async () => {
    await jwks.start();
    await connector.start();
    const config = loadConfig({ PORT: '0', STORAGE: 'memory', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-tests' });
    app = await startApp(config, {
      logger: createLogger({
        level: 'debug',
        destination: linesInto(logs),
      }),
      storage: new MemoryStorage(),
      credentialsFactory: new FixedCredentialsFactory(APP_ID),
      host: '127.0.0.1',
      // Port 9 (discard) on loopback: nothing listens, the metadata fetch is refused.
      inboundAuth: { openIdMetadataUrl: 'http://127.0.0.1:9/.well-known/openidconfiguration', tokenIssuer: 'https://api.botframework.com' },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await connector.stop();
    await jwks.stop();
  });

  it('answers a well-formed channel token with 503 and a warn line, never 500; forged ones stay 401', async () => {
    const post = (token: string) =>
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          type: 'message',
          id: 'm1',
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: 'user-1' },
          recipient: { id: `28:${APP_ID}` },
          conversation: { id: 'c1', conversationType: 'personal' },
          text: 'help',
        }),
      });
    const valid = await post(jwks.sign({ aud: APP_ID, serviceurl: connector.url }));
    expect(valid.status).toBe(503);
    const forged = [
      jwt.sign({ serviceurl: connector.url, appid: APP_ID, ver: '1.0' }, '', {
        algorithm: 'none',
        issuer: `https://sts.windows.net/${EMULATOR_TENANT}/`,
        audience: APP_ID,
        expiresIn: 300,
      }),
      jwks.signRaw({
        serviceurl: connector.url,
        iss: `https://login.microsoftonline.com/${EMULATOR_TENANT}/v2.0`,
        aud: APP_ID,
        exp: Math.floor(Date.now() / 1000) + 300,
      }),
      'not.a.jwt',
    ];
    for (const token of forged) expect((await post(token)).status).toBe(401);
    const warned = logs.filter((l) => l.includes('OpenID metadata or keys unreachable'));
    expect(warned).toHaveLength(1);
    expect((JSON.parse(warned[0]!) as { level: number }).level).toBe(40);
    expect(logs.join('')).not.toMatch(/\n\s+at |"stack"/);
    expect(connector.calls).toHaveLength(0);
  });
});

/** The connector client is kept per service URL (issue 15 item 1); replies still go to the right place, signed. */
describe('kept connector clients', () => {
  const APP_ID = 'a1b2c3d4-0000-4000-8000-000000000015';
  const jwks = new JwksServer();
  const east = new FakeConnector();
  const west = new FakeConnector();
  const credentials = Object.assign(new FixedCredentialsFactory(APP_ID), { token: 'outbound-token-1' });
  let app: RunningApp;

  beforeAll(async () => {
    await Promise.all([jwks.start(), east.start(), west.start()]);
    const config = loadConfig({
      PORT: '0',
      STORAGE: 'memory',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-in-tests',
    });
    app = await startApp(config, {
      logger: createLogger({ level: 'silent' }),
      storage: new MemoryStorage(),
      credentialsFactory: credentials,
      host: '127.0.0.1',
      inboundAuth: { openIdMetadataUrl: jwks.metadataUrl, tokenIssuer: 'https://api.botframework.com' },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([east.stop(), west.stop(), jwks.stop()]);
  });

  const send = (connector: FakeConnector, conversationId: string) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwks.sign({ aud: APP_ID, serviceurl: connector.url })}` },
      body: JSON.stringify({
        type: 'message',
        id: `m-${conversationId}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: 'user-1', name: 'Adele' },
        recipient: { id: `28:${APP_ID}`, name: 'MMD Assist' },
        conversation: { id: conversationId, conversationType: 'personal' },
        text: 'help',
      }),
    });

  it('answers each turn through its own service URL, with the current outbound token', async () => {
    expect((await send(east, 'conv-east-1')).status).toBe(200);
    expect((await send(west, 'conv-west-1')).status).toBe(200);
    expect((await send(east, 'conv-east-2')).status).toBe(200);
    expect(east.calls.map((c) => c.conversationId)).toEqual(['conv-east-1', 'conv-east-2']);
    expect(west.calls.map((c) => c.conversationId)).toEqual(['conv-west-1']);
    for (const call of [...east.calls, ...west.calls]) expect(call.authorization).toBe('Bearer outbound-token-1');
    // One connector client (one credentials object) per service URL, not one per turn; no
    // user-token client was built, since no turn used one.
    expect(credentials.created).toBe(2);

    // A renewed token is used by the kept client on its next request.
    credentials.token = 'outbound-token-2';
    expect((await send(west, 'conv-west-2')).status).toBe(200);
    expect(west.calls[1]).toMatchObject({ conversationId: 'conv-west-2', authorization: 'Bearer outbound-token-2' });
    expect(credentials.created).toBe(2);
  });
});

/** A user of another tenant: one polite refusal, no data, no API call, logged. */
describe('ALLOWED_TENANT_IDS', () => {
  let harness: BotHarness;
  const apiCalls = () => harness.app.emulator!.requestLog().length;
  const foreign = (partial: Record<string, unknown>) => {
    const activity = harness.activity(partial);
    const conversation = { ...(activity.conversation as Record<string, unknown>), tenantId: 'other-tenant' };
    return { ...activity, conversation, channelData: { tenant: { id: 'other-tenant' } } };
  };

  beforeAll(async () => {
    harness = await BotHarness.start({ env: { ALLOWED_TENANT_IDS: `${TEST_TENANT.toUpperCase()}, another` } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('serves the listed tenant (ids compared without case)', async () => {
    const replies = await harness.say('devices');
    expect(cardText(cardOf(replies[0]))).toMatch(/MMD-\d{5}/);
  });

  it('refuses a message from another tenant once, with no data and no API call, and logs it', async () => {
    const before = apiCalls();
    harness.connector.clear();
    const { status } = await harness.post(foreign({ type: 'message', text: 'devices' }));
    expect(status).toBe(200);
    const sent = harness.connector.calls.filter((c) => c.method === 'POST').map((c) => c.activity);
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.text)).toMatch(/serves one organization only/);
    expect(sent[0]!.attachments ?? []).toHaveLength(0);
    expect(apiCalls()).toBe(before);
    expect(harness.logs.join('')).toMatch(/refused: tenant not allowed.*|tenant not allowed/);
  });

  it('refuses a card action and a message-extension query from another tenant in the shape each expects', async () => {
    const before = apiCalls();
    const card = await harness.post(
      foreign({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'device.open', data: { name: 'MMD-00001' } } },
      }),
    );
    expect(card.status).toBe(200);
    expect(String((card.body as { value: unknown }).value)).toMatch(/serves one organization only/);
    const query = await harness.post(
      foreign({ type: 'invoke', name: 'composeExtension/query', value: { commandId: 'devices', parameters: [] } }),
    );
    expect(query.status).toBe(200);
    expect(JSON.stringify(query.body)).toMatch(/serves one organization only/);
    const other = await harness.post(foreign({ type: 'invoke', name: 'task/fetch', value: {} }));
    expect(other.status).toBe(403);
    expect(apiCalls()).toBe(before);
  });

  it('refuses an activity that names no tenant at all (fails closed)', async () => {
    const activity = harness.activity({ type: 'message', text: 'devices' });
    const conversation = { ...(activity.conversation as Record<string, unknown>) };
    delete conversation.tenantId;
    harness.connector.clear();
    await harness.post({ ...activity, conversation, channelData: {} });
    const sent = harness.connector.calls.filter((c) => c.method === 'POST').map((c) => c.activity);
    expect(String(sent[0]!.text)).toMatch(/serves one organization only/);
  });
});

describe('ALLOWED_TENANT_IDS defaults', () => {
  const live = {
    MMD_API_BASE_URL: 'https://mmd.example/',
    MMD_TENANT_ID: 'T-Live',
    MMD_CLIENT_ID: 'c',
    MMD_CLIENT_SECRET: 's',
    MicrosoftAppId: 'app',
  };

  it('is the MMD tenant in live mode and any tenant in sandbox mode', () => {
    expect(loadConfig(live).allowedTenantIds).toEqual(['t-live']);
    expect(loadConfig({}).allowedTenantIds).toBe('any');
    expect(loadConfig({ ...live, ALLOWED_TENANT_IDS: 'a, B' }).allowedTenantIds).toEqual(['a', 'b']);
  });

  it('cannot be * in live mode', () => {
    expect(() => loadConfig({ ...live, ALLOWED_TENANT_IDS: '*' })).toThrow(/ALLOWED_TENANT_IDS/);
  });

  it('DEFAULT_ROLE: reader in live mode, admin in sandbox mode without lists, reader with lists; checked', () => {
    expect(loadConfig(live).roles.defaultRole).toBe('reader');
    expect(loadConfig({}).roles.defaultRole).toBe('admin');
    expect(loadConfig({ OPERATORS: 'x@y.z' }).roles.defaultRole).toBe('reader');
    expect(loadConfig({ DEFAULT_ROLE: 'Operator' }).roles.defaultRole).toBe('operator');
    expect(() => loadConfig({ DEFAULT_ROLE: 'root' })).toThrow(/DEFAULT_ROLE/);
  });
});
