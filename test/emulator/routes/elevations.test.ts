import { EXAMPLE_DEVICE, EXAMPLE_ELEVATED_DEVICE } from '../../../src/emulator/seed';
import { startHarness, type Collection, type Harness } from '../emulator-harness';

type Elevation = Record<string, unknown> & {
  id: string;
  deviceName: string;
  category: string;
  requestClosureTime: string | null;
  actionsTaken: string;
  closingAgentUpn: string;
  requestingAgentUpn: string;
};

const body = (deviceName: string, pascal = false): string => {
  const fields = {
    partnerTicketId: 'MMD-1465058-R5V8P',
    deviceName,
    title: 'Install a printer driver',
    category: 'Hardware',
    subcategory: 'Printer',
    planOfAction: 'Run the vendor installer elevated.',
  };
  if (!pascal) return JSON.stringify(fields);
  return JSON.stringify(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), v])));
};

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('POST tenants/{tenantId}/elevationRequests', () => {
  it('creates from a PascalCase body (as the documents send it): 201 with the camelCase entity', async () => {
    const answer = await h.api<Elevation>(`${h.tenantPath}/elevationRequests`, {
      method: 'POST',
      body: body(EXAMPLE_DEVICE, true),
      headers: { 'x-emulator-upn': 'lee.gu@contoso.onmicrosoft.com' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body['@odata.context']).toMatch(/\$metadata#ElevationRequests\/\$entity$/);
    expect(answer.body).toMatchObject({
      deviceName: EXAMPLE_DEVICE,
      tenantId: h.emulator.tenantId,
      partnerId: h.emulator.tenantId,
      requestingAgentUpn: 'lee.gu@contoso.onmicrosoft.com',
      actionsTaken: '',
      closingAgentUpn: '',
      requestClosureTime: null,
      isDeleted: false,
      ttl: 7776000,
      eTag: null,
      viewerUpns: [],
    });
    expect(answer.body.id).toMatch(/^[0-9a-f-]{36}$/);
    // Now the device has an open elevation: its details answer.
    expect((await h.api(`${h.tenantPath}/devices/${EXAMPLE_DEVICE}/elevationDetails`)).status).toBe(200);
  });

  it('creates from a camelCase body; without the header the token app is the agent', async () => {
    const answer = await h.api<Elevation>(`${h.tenantPath}/elevationRequests`, { method: 'POST', body: body(EXAMPLE_DEVICE) });
    expect(answer.status).toBe(201);
    expect(answer.body.requestingAgentUpn).toBe(h.emulator.clientId);
  });

  it('answers 403 when the device already has too many open requests', async () => {
    // The elevated example device has one open request; one more is allowed, then the limit.
    const second = await h.api(`${h.tenantPath}/elevationRequests`, { method: 'POST', body: body(EXAMPLE_ELEVATED_DEVICE) });
    expect(second.status).toBe(201);
    const third = await h.api(`${h.tenantPath}/elevationRequests`, { method: 'POST', body: body(EXAMPLE_ELEVATED_DEVICE) });
    expect(third.status).toBe(403);
    expect(third.body).toEqual({ error: { code: '403', message: 'This device has too many open elevation requests.' } });
  });

  it('answers 404 for an unknown device and 400 for a missing field', async () => {
    const unknown = await h.api(`${h.tenantPath}/elevationRequests`, { method: 'POST', body: body('MMD-99999') });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { code: '404', message: 'This device does not exist.' } });
    const missing = await h.api(`${h.tenantPath}/elevationRequests`, {
      method: 'POST',
      body: JSON.stringify({ deviceName: EXAMPLE_DEVICE }),
    });
    expect(missing.status).toBe(400);
  });

  it("accepts the documents' sloppy path with a space before /tenants", async () => {
    const response = await fetch(`${h.emulator.url}/support/odata/v1%20/${h.tenantPath}/elevationRequests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
      body: body(EXAMPLE_DEVICE),
    });
    expect(response.status).toBe(201);
  });
});

describe('PATCH tenants/{tenantId}/elevationRequests/{id}', () => {
  it('closes (204), then refuses to close again (400); the closure shows in the list', async () => {
    const created = await h.api<Elevation>(`${h.tenantPath}/elevationRequests`, { method: 'POST', body: body(EXAMPLE_DEVICE) });
    const path = `${h.tenantPath}/elevationRequests/${created.body.id}`;
    const close = await h.api(path, { method: 'PATCH', body: JSON.stringify({ ActionsTaken: 'Driver installed.' }) });
    expect(close.status).toBe(204);
    const again = await h.api(path, { method: 'PATCH', body: JSON.stringify({ actionsTaken: 'Again.' }) });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: { code: '400', message: 'This elevation request was already closed.' } });

    const listed = await h.api<Collection<Elevation>>(
      `${h.tenantPath}/elevationRequests?$filter=${encodeURIComponent(`id eq '${created.body.id}'`)}`,
    );
    expect(listed.body.value[0]).toMatchObject({ actionsTaken: 'Driver installed.', closingAgentUpn: h.emulator.clientId });
    expect(listed.body.value[0]!.requestClosureTime).toEqual(expect.any(String));
    // Closed: the password is gone with it.
    expect((await h.api(`${h.tenantPath}/devices/${EXAMPLE_DEVICE}/elevationDetails`)).status).toBe(404);
  });

  it('answers 404 for an unknown request', async () => {
    const answer = await h.api(`${h.tenantPath}/elevationRequests/00000000-0000-0000-0000-000000000000`, {
      method: 'PATCH',
      body: JSON.stringify({ ActionsTaken: 'x' }),
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: '404', message: 'This elevation request does not exist.' } });
  });
});

describe('GET tenants/{tenantId}/elevationRequests', () => {
  it('lists open and closed requests and pages with $skip/$top', async () => {
    const all = (await h.api<Collection<Elevation>>(`${h.tenantPath}/elevationRequests`)).body.value;
    expect(all.length).toBeGreaterThan(5);
    expect(all.some((e) => e.requestClosureTime === null)).toBe(true);
    expect(all.some((e) => e.requestClosureTime !== null)).toBe(true);
    const page = await h.api<Collection<Elevation>>(`${h.tenantPath}/elevationRequests?$skip=0&$top=2`);
    expect(page.body.value.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    expect(new URL(page.body['@odata.nextLink']!).searchParams.get('$skip')).toBe('2');
  });

  it('filters by device, by category, and by open state', async () => {
    const device = await h.api<Collection<Elevation>>(
      `${h.tenantPath}/elevationRequests?$filter=${encodeURIComponent(`deviceName eq '${EXAMPLE_ELEVATED_DEVICE}'`)}`,
    );
    expect(device.body.value.length).toBeGreaterThan(0);
    expect(device.body.value.every((e) => e.deviceName === EXAMPLE_ELEVATED_DEVICE)).toBe(true);

    const office = await h.api<Collection<Elevation>>(
      `${h.tenantPath}/elevationRequests?$filter=${encodeURIComponent("contains(category,'Office')")}`,
    );
    expect(office.body.value.every((e) => e.category.includes('Office'))).toBe(true);

    const open = await h.api<Collection<Elevation>>(
      `${h.tenantPath}/elevationRequests?$filter=${encodeURIComponent('requestClosureTime eq null')}&$orderby=requestCreationTime%20desc`,
    );
    expect(open.body.value.length).toBeGreaterThan(0);
    expect(open.body.value.every((e) => e.requestClosureTime === null)).toBe(true);
  });

  it('answers 400 for a malformed filter', async () => {
    const answer = await h.api(`${h.tenantPath}/elevationRequests?$filter=${encodeURIComponent('deviceName eq')}`);
    expect(answer.status).toBe(400);
  });

  it('answers one request by id', async () => {
    const first = (await h.api<Collection<Elevation>>(`${h.tenantPath}/elevationRequests?$top=1`)).body.value[0]!;
    const one = await h.api<Elevation>(`${h.tenantPath}/elevationRequests/${first.id}`);
    expect(one.body.id).toBe(first.id);
  });
});
