import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { FakeConnector } from '../helpers/fake-connector';
import { FixedCredentialsFactory } from '../helpers/fixed-credentials';
import { JwksServer } from '../helpers/jwks-server';

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
