/** The emulator's routing on restify, over HTTP: parameters, precedence, 404/405/400 in the documented shapes. */
import { readAnswer, startHarness, type Harness } from './emulator-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const get = async (path: string, init: RequestInit = {}) =>
  readAnswer<Record<string, unknown>>(await fetch(`${h.emulator.url}${path}`, init));

describe('emulator routing', () => {
  it('URL-decodes parameters and ignores a trailing slash', async () => {
    const devices = await h.api<{ value: { name: string }[] }>(`${h.tenantPath}/devices?$top=1`);
    const name = devices.body.value[0]!.name;
    const byName = await h.api<{ name: string }>(`${h.tenantPath}/devices/${encodeURIComponent(name)}/`);
    expect(byName.status).toBe(200);
    expect(byName.body.name).toBe(name);
    const users = await h.api<{ value: { upn: string }[] }>(`${h.tenantPath}/users?$top=1`);
    const upn = users.body.value[0]!.upn;
    expect(upn).toContain('@');
    const byUpn = await h.api<{ value: { upn: string }[] }>(`${h.tenantPath}/users/${encodeURIComponent(upn)}`);
    expect(byUpn.body.value[0]!.upn).toBe(upn);
  });

  it('prefers a literal segment over a parameter', async () => {
    const discovery = await get('/common/discovery/instance');
    expect(discovery.status).toBe(200);
    expect(discovery.body).toHaveProperty('tenant_discovery_endpoint');
    const keys = await get(`/${h.emulator.tenantId}/discovery/v2.0/keys`);
    expect(keys.status).toBe(200);
    expect(keys.body).toHaveProperty('keys');
  });

  it('answers a known path with another method 405 with Allow, an unknown one 404, both in the MMD shape', async () => {
    const wrong = await get('/_emulator/faults', { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'POST']);
    expect(wrong.body).toEqual({ error: { code: '405', message: 'PUT is not allowed' } });
    const unknown = await h.api(`${h.tenantPath}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { code: '404', message: 'No HTTP resource was found that matches the request URI.' } });
    const tickets = await h.api('tickets/', { method: 'DELETE' });
    expect(tickets.status).toBe(405);
  });

  it('answers Graph paths in Graph’s shape', async () => {
    const unknown = await get('/graph/v1.0/nothing-here', { headers: { 'client-request-id': 'req-1' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String), innerError: expect.anything() } });
  });

  it('answers bad percent-encoding with a 400, not a 404', async () => {
    const bad = await h.api(`${h.tenantPath}/devices/%E0%A4%A`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: '400', message: 'The request URI is not valid: bad percent-encoding.' } });
  });
});
