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

  beforeAll(async () => {
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
      logger: createLogger({ level: 'silent' }),
      storage: new MemoryStorage(),
      credentialsFactory: new FixedCredentialsFactory(APP_ID),
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await connector.stop();
    await jwks.stop();
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
});
