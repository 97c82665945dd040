/**
 * MMD_AUTH=user: the tab's MMD calls use a token obtained on behalf of the signed-in user (msal-node
 * acquireTokenOnBehalfOf) from the emulator's token endpoint, which supports the OBO grant and
 * records the user, so a note names the admin. Consent and exchange failures get a clear code.
 */
import type { RunningApp } from '../../src/app';
import { requestToken } from '../emulator/emulator-harness';
import { ADMIN, AUDIENCE, devToken, startTabApp, tabApi } from './tab-harness';

const OBO = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const SCOPE = 'https://mwaas-services-customerapi-prod.azurewebsites.net/.default';

let app: RunningApp;
beforeAll(async () => {
  app = await startTabApp({ MMD_AUTH: 'user' });
});
afterAll(async () => {
  await app?.stop();
});

describe("the emulator's token endpoint, on-behalf-of grant", () => {
  const obo = async (assertion: string, extra: Record<string, string> = {}) =>
    requestToken(app.emulator!, { grant_type: OBO, requested_token_use: 'on_behalf_of', assertion, scope: SCOPE, ...extra });

  test('a valid assertion gets a token whose writes carry the user', async () => {
    const answer = await obo(await devToken(app, { upn: 'isaiah.langer@contoso.example', name: 'Isaiah Langer' }));
    expect(answer.status).toBe(200);
    const token = answer.body.access_token as string;
    const base = app.emulator!.mmdBaseUrl;
    const list = (await (await fetch(`${base}tickets?$top=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      value: { id: string }[];
    };
    const id = list.value[0]!.id;
    const add = await fetch(`${base}tickets('${id}')/addNote`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'via OBO' }),
    });
    expect(add.status).toBeLessThan(300);
    const notes = await app.mmd.tickets.notes(id);
    expect(notes.at(-1)).toMatchObject({ text: 'via OBO', sender: 'isaiah.langer@contoso.example' });
  });

  test('bad assertions: invalid_grant; a wrong client secret: invalid_client; a missing requested_token_use: invalid_request', async () => {
    const good = await devToken(app);
    const expired = await obo(await devToken(app, { expiresInSeconds: -600 }));
    expect([expired.status, expired.body.error, (expired.body.error_codes as number[])[0]]).toEqual([400, 'invalid_grant', 500133]);
    for (const assertion of [
      await devToken(app, { audience: 'api://localhost/another-app' }),
      await devToken(app, { tenantId: '99999999-0000-0000-0000-000000000000' }),
      `${good.slice(0, good.lastIndexOf('.'))}.AAAA`,
    ]) {
      const answer = await obo(assertion);
      expect([answer.status, answer.body.error]).toEqual([400, 'invalid_grant']);
    }
    expect((await obo(good, { client_secret: 'wrong' })).body.error).toBe('invalid_client');
    expect((await obo(good, { requested_token_use: '' })).body.error).toBe('invalid_request');
  });
});

describe('the tab with MMD_AUTH=user', () => {
  test('a note added from the tab names the signed-in admin, not the app', async () => {
    const token = await devToken(app);
    const { body } = await tabApi<{ items: { id: string }[] }>(app, 'tickets', { token });
    const id = body.items[0]!.id;
    const added = await tabApi<{ notes: { text: string; sender: string }[] }>(app, `tickets/${id}/notes`, {
      token,
      body: { text: 'Looked at it' },
    });
    expect(added.status).toBe(201);
    expect(added.body.notes.at(-1)).toMatchObject({ text: 'Looked at it', sender: ADMIN.upn });
  });

  test('consent missing: 403 consent_required with what to do', async () => {
    app.emulator!.faults.add({
      method: 'POST',
      path: '/oauth2/v2.0/token$',
      status: 400,
      times: 1,
      body: {
        error: 'invalid_grant',
        error_description: 'AADSTS65001: The user or administrator has not consented to use the application.',
        error_codes: [65001],
        suberror: 'consent_required',
      },
    });
    const token = await devToken(app, { upn: 'no.consent@contoso.example', name: 'No Consent', audience: AUDIENCE });
    const answer = await tabApi<{ error: string; message: string }>(app, 'me', { token });
    // /me needs no MMD call; summary does.
    expect(answer.status).toBe(200);
    const summary = await tabApi<{ error: string; message: string }>(app, 'summary', { token });
    expect(summary.status).toBe(403);
    expect(summary.body.error).toBe('consent_required');
    expect(summary.body.message).toMatch(/ask your admin/i);
  });

  test('interaction required: 401 interaction_required (sign in again)', async () => {
    app.emulator!.faults.add({
      method: 'POST',
      path: '/oauth2/v2.0/token$',
      status: 400,
      times: 1,
      body: {
        error: 'interaction_required',
        error_description: 'AADSTS50076: multi-factor authentication is required.',
        error_codes: [50076],
      },
    });
    const token = await devToken(app, { upn: 'mfa.user@contoso.example', name: 'Mfa User' });
    const answer = await tabApi<{ error: string; message: string }>(app, 'tickets', { token });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('interaction_required');
    expect(answer.body.message).toMatch(/sign in/i);
  });
});
