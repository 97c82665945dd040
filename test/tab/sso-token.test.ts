/**
 * The tab's API answers only a valid SSO token: signature against the identity platform's keys
 * (the emulator's JWKS via its OpenID metadata in sandbox mode), issuer, audience, expiry and
 * tenant. Over real HTTP against the real app.
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import type { RunningApp } from '../../src/app';
import { SANDBOX_TENANT_ID } from '../../src/config/config';
import { AUDIENCE, b64url, devToken, startTabApp, tabApi } from './tab-harness';

let app: RunningApp;
beforeAll(async () => {
  app = await startTabApp();
});
afterAll(async () => {
  await app?.stop();
});

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function expectRejected(authorization: string | undefined): Promise<void> {
  const answer = await tabApi<{ error: string; message: string }>(app, 'summary', { authorization });
  expect(answer.status).toBe(401);
  expect(answer.body.error).toBe('unauthorized');
  expect(JSON.stringify(answer.body)).not.toContain('eyJ');
}

test('a valid token gets data', async () => {
  const answer = await tabApi<{ tickets: { total: number }; devices: { total: number } }>(app, 'summary', { token: await devToken(app) });
  expect(answer.status).toBe(200);
  expect(answer.body.tickets.total).toBeGreaterThan(0);
  expect(answer.body.devices.total).toBe(60);
});

test('a v1 token (sts.windows.net issuer) is accepted too', async () => {
  const token = await devToken(app, { issuer: `https://sts.windows.net/${SANDBOX_TENANT_ID}/` });
  expect((await tabApi(app, 'me', { token })).status).toBe(200);
});

test('missing or malformed authorization: 401', async () => {
  await expectRejected(undefined);
  await expectRejected('Basic abc');
  await expectRejected('Bearer not-a-jwt');
});

test('expired: 401', async () => {
  await expectRejected(`Bearer ${await devToken(app, { expiresInSeconds: -600 })}`);
});

test('wrong audience: 401', async () => {
  await expectRejected(`Bearer ${await devToken(app, { audience: 'api://localhost/some-other-app' })}`);
});

test('wrong issuer: 401', async () => {
  await expectRejected(`Bearer ${await devToken(app, { issuer: 'https://evil.example/issuer/v2.0' })}`);
});

test('another tenant (its own issuer and tid): 401', async () => {
  const other = '11111111-2222-3333-4444-555555555555';
  await expectRejected(`Bearer ${await devToken(app, { tenantId: other })}`);
  // A mix: the right issuer with another tenant's tid.
  await expectRejected(
    `Bearer ${await devToken(app, { tenantId: other, issuer: `https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/v2.0` })}`,
  );
});

test('bad signature (payload changed after signing, or signed by another key): 401', async () => {
  const good = await devToken(app);
  const [header, , signature] = good.split('.');
  const forged = `${header}.${b64url({ ...claimsOf(good), preferred_username: 'someone.else@contoso.example' })}.${signature}`;
  await expectRejected(`Bearer ${forged}`);

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = (JSON.parse(Buffer.from(header!, 'base64url').toString()) as { kid: string }).kid;
  const otherKey = await new SignJWT(claimsOf(good)).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
  await expectRejected(`Bearer ${otherKey}`);
});

test('alg none and HS256 (keyed with the public key, the classic confusion): 401', async () => {
  const claims = claimsOf(await devToken(app));
  await expectRejected(`Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`);
  const jwks = (await (await fetch(`${app.emulator!.url}/${SANDBOX_TENANT_ID}/discovery/v2.0/keys`)).json()) as { keys: { n: string }[] };
  const unsigned = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
  const hs = createHmac('sha256', jwks.keys[0]!.n).update(unsigned).digest('base64url');
  await expectRejected(`Bearer ${unsigned}.${hs}`);
});

test('the audience in sandbox defaults to the app id URI, and the bare app id is accepted', async () => {
  expect((await tabApi(app, 'me', { token: await devToken(app, { audience: 'sandbox-client' }) })).status).toBe(200);
  expect(AUDIENCE).toBe('api://localhost/sandbox-client');
});
