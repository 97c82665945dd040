import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from '../../../src/config/config';
import { startEmulator } from '../../../src/emulator/emulator';
import type { RunningEmulator } from '../../../src/emulator/types';
import { requestToken, startHarness, type Harness } from '../emulator-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('token endpoint', () => {
  it('issues an opaque bearer token with expires_in on both paths, and counts them', async () => {
    const before = h.emulator.tokenRequestCount();
    const v2 = await requestToken(h.emulator);
    expect(v2.status).toBe(200);
    expect(v2.body).toEqual({ token_type: 'Bearer', expires_in: 3599, access_token: expect.any(String) });
    const v1 = await fetch(`${h.emulator.url}/${SANDBOX_TENANT_ID}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${SANDBOX_CLIENT_ID}&client_secret=sandbox-secret&scope=x%2F.default`,
    });
    expect(v1.status).toBe(200);
    expect(h.emulator.tokenRequestCount()).toBe(before + 2);
    expect(v2.body.access_token).not.toBe(((await v1.json()) as { access_token: string }).access_token);
  });

  it('answers 401 invalid_client for a wrong secret, without echoing it', async () => {
    const before = h.emulator.tokenRequestCount();
    const answer = await requestToken(h.emulator, { client_secret: 'wrong-secret-value' });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_client');
    expect(JSON.stringify(answer.body)).not.toContain('wrong-secret-value');
    expect(h.emulator.tokenRequestCount()).toBe(before);
  });

  it('refuses an unknown client, a wrong grant type, a bad scope and a wrong tenant', async () => {
    expect((await requestToken(h.emulator, { client_id: 'other' })).body.error).toBe('unauthorized_client');
    expect((await requestToken(h.emulator, { grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
    expect((await requestToken(h.emulator, { scope: 'User.Read' })).body.error).toBe('invalid_scope');
    const wrongTenant = await fetch(`${h.emulator.url}/11111111-1111-1111-1111-111111111111/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SANDBOX_CLIENT_ID, client_secret: 'sandbox-secret' }),
    });
    expect(wrongTenant.status).toBe(400);
  });

  it('serves openid-configuration pointing at the local token endpoint', async () => {
    const response = await fetch(`${h.emulator.url}/${SANDBOX_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    const body = (await response.json()) as Record<string, string>;
    expect(response.status).toBe(200);
    expect(body.token_endpoint).toBe(h.emulator.tokenEndpoint);
    expect(body.issuer).toBe(`https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/v2.0`);
    for (const key of ['authorization_endpoint', 'jwks_uri', 'end_session_endpoint']) expect(body[key]).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const keys = await fetch(body.jwks_uri!);
    expect(keys.status).toBe(200);
  });
});

describe('bearer check on the API', () => {
  it('answers 401 in the error shape without a token, with a bad one, and with a malformed header', async () => {
    for (const auth of [null, 'Bearer not-a-token', 'Basic abc', 'Bearer']) {
      const answer = await h.api<{ error: { code: string; message: string } }>(`${h.tenantPath}/devices`, { auth });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('401');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('answers 401 for an expired token', async () => {
    const emulator: RunningEmulator = await startEmulator({ tokenLifetimeSeconds: 0 });
    try {
      const token = (await requestToken(emulator)).body.access_token as string;
      const response = await fetch(`${emulator.mmdBaseUrl}tickets`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    } finally {
      await emulator.close();
    }
  });

  it('answers 403 for another tenant in the path', async () => {
    const answer = await h.api('tenants/11111111-1111-1111-1111-111111111111/devices');
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: { code: '403', message: expect.any(String) } });
  });

  it('answers unknown paths with a 404 in the error shape', async () => {
    const answer = await h.api('no/such/path');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: '404', message: expect.any(String) } });
  });

  it('normalises double slashes and logs API requests with their status', async () => {
    const answer = await h.api(`/${h.tenantPath}//devices?$top=1`);
    expect(answer.status).toBe(200);
    const last = h.emulator.requestLog().at(-1)!;
    expect(last).toEqual({ method: 'GET', url: `/support/odata/v1//${h.tenantPath}//devices?$top=1`, status: 200 });
  });
});
