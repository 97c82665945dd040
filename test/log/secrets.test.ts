import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { createLogger } from '../../src/log/logger';
import { clearSecretsForTests, registerSecret, scrubKnownSecrets } from '../../src/log/secrets';
import { loadConfig } from '../../src/config/config';
import { createMmdClient } from '../../src/mmd/create-client';
import { MmdApiError } from '../../src/mmd/mmd-api-error';
import { createMsalTokenProvider } from '../../src/http/token-provider';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString('utf8'));
        cb();
      },
    }),
  });
  return { lines, logger };
}

describe('secret registry', () => {
  afterEach(() => clearSecretsForTests());

  it('scrubs registered values wherever they appear, longest first, and JSON-escaped', () => {
    registerSecret('abcd1234efgh');
    registerSecret('abcd1234efgh-and-more');
    registerSecret('quote"back\\slash');
    expect(scrubKnownSecrets('x abcd1234efgh y abcd1234efgh-and-more')).toBe('x [redacted] y [redacted]');
    expect(scrubKnownSecrets(JSON.stringify({ m: 'k quote"back\\slash' }))).toBe('{"m":"k [redacted]"}');
  });

  it('ignores values too short to be secrets, and forgets the oldest of many tokens', () => {
    registerSecret('short');
    registerSecret('');
    registerSecret(undefined);
    expect(scrubKnownSecrets('short')).toBe('short');
    registerSecret('first-token-0000');
    for (let i = 0; i < 100; i += 1) registerSecret(`token-number-${i}`);
    expect(scrubKnownSecrets('first-token-0000')).toBe('first-token-0000');
    expect(scrubKnownSecrets('token-number-99')).toBe('[redacted]');
  });

  it('gets the configured secrets from loadConfig, and the logger scrubs them from every line', () => {
    loadConfig({
      MicrosoftAppPassword: 'app-password-value-1',
      MMD_CLIENT_SECRET: 'mmd-client-secret-value-2',
      STORAGE: 'azure-blob',
      AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c3RvcmFnZS1rZXk=;EndpointSuffix=x',
    });
    const { lines, logger } = capture();
    logger.info({ note: 'echo app-password-value-1', nested: { deep: ['mmd-client-secret-value-2'] } }, 'key c3RvcmFnZS1rZXk= seen');
    logger.error({ err: new Error('service said: mmd-client-secret-value-2 is wrong') }, 'failed');
    const all = lines.join('');
    expect(all).not.toMatch(/app-password-value-1|mmd-client-secret-value-2|c3RvcmFnZS1rZXk=/);
    expect(all.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(4);
  });
});

/**
 * A service that echoes what it received, bare: the access token and a client secret in the
 * message of a 400 (no `Bearer`, no `client_secret=`, so no pattern can know them).
 */
describe('secrets echoed bare by a service', () => {
  let emulator: RunningEmulator;
  let echo: Server;
  let echoUrl: string;
  const CLIENT_SECRET = 'Sup3r-S3cret-Client-Value';

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, devices: 1, users: 1, tickets: 1, clientSecret: CLIENT_SECRET });
    echo = createServer((req, res) => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: '400', message: `token ${token} is not valid; app registration secret ${CLIENT_SECRET} rejected` },
        }),
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/support/odata/v1/`;
  });
  afterAll(async () => {
    echo.closeAllConnections();
    await new Promise<void>((resolve) => echo.close(() => resolve()));
    await emulator.close();
  });

  it('keeps the token and the secret out of the error and the log', async () => {
    const { lines, logger } = capture();
    const tokenProvider = createMsalTokenProvider({
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      clientSecret: CLIENT_SECRET,
      scope: 'https://mwaas-services-customerapi-prod.azurewebsites.net/.default',
      authorityHost: 'https://login.microsoftonline.com',
      tokenEndpoint: emulator.tokenEndpoint,
      timeoutMs: 5000,
      logger,
    });
    const token = await tokenProvider.getToken();
    const client = createMmdClient({ baseUrl: echoUrl, tenantId: emulator.tenantId, tokenProvider, logger, maxRetries: 0 });
    const error = await client.devices.list({ top: 1 }).then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(error).toBeInstanceOf(MmdApiError);
    logger.error({ err: error }, 'devices failed');
    const text = `${error!.message} ${JSON.stringify(error)} ${lines.join('')}`;
    expect(text).toContain('is not valid'); // the service's message is kept...
    expect(text).not.toContain(token); // ...without the token
    expect(text).not.toContain(CLIENT_SECRET); // ...or the secret
  });
});
