import { EXAMPLE_DEVICE, EXAMPLE_ELEVATED_DEVICE, EXAMPLE_USER_UPN } from '../../../src/emulator/seed';
import { startHarness, type Collection, type Harness } from '../emulator-harness';

type Device = Record<string, unknown> & { name: string; groups: unknown[]; configurations: unknown[] };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ devices: 60 });
});
afterAll(() => h.close());

describe('GET tenants/{tenantId}/devices', () => {
  it('lists devices with the OData context and the documented list shape', async () => {
    const answer = await h.api<Collection<Device>>(`${h.tenantPath}/devices`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/application\/json/);
    expect(answer.body['@odata.context']).toMatch(/\$metadata#Devices$/);
    expect(answer.body.value).toHaveLength(60);
    expect(answer.body.value[0]!.name).toBe(EXAMPLE_DEVICE);
    expect(answer.body.value[0]!.tenantName).toBeNull();
    // Lists carry empty groups and configurations, as the documents show.
    expect(answer.body.value.every((d) => d.groups.length === 0 && d.configurations.length === 0)).toBe(true);
    expect(answer.body['@odata.nextLink']).toBeUndefined();
  });

  it.each([
    ['$top', '$skip'],
    ['top', 'skip'],
  ])('pages with %s/%s across more than one page', async (top, skip) => {
    const seen: string[] = [];
    for (let page = 0; page < 4; page++) {
      const answer = await h.api<Collection<Device>>(`${h.tenantPath}/devices?${skip}=${page * 25}&${top}=25`);
      expect(answer.status).toBe(200);
      seen.push(...answer.body.value.map((d) => d.name));
      if (page < 2) expect(answer.body['@odata.nextLink']).toContain(`%24skip=${(page + 1) * 25}`);
      else expect(answer.body['@odata.nextLink']).toBeUndefined();
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });

  it('follows @odata.nextLink to the end', async () => {
    const names: string[] = [];
    let url: string | undefined = `${h.emulator.mmdBaseUrl}${h.tenantPath}/devices?$top=7`;
    let pages = 0;
    while (url) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${h.token}` } });
      const body = (await response.json()) as Collection<Device>;
      names.push(...body.value.map((d) => d.name));
      url = body['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(9);
    expect(names).toHaveLength(60);
  });

  it('searches name, serial number, user UPN and e-mail, case-insensitively', async () => {
    const byUser = await h.api<Collection<Device>>(
      `${h.tenantPath}/devices?searchText=${encodeURIComponent(EXAMPLE_USER_UPN.toUpperCase())}`,
    );
    expect(byUser.body.value.length).toBeGreaterThan(0);
    expect(byUser.body.value.every((d) => d.userUpn === EXAMPLE_USER_UPN)).toBe(true);

    const all = (await h.api<Collection<Device>>(`${h.tenantPath}/devices`)).body.value;
    const target = all[5]!;
    const bySerial = await h.api<Collection<Device>>(`${h.tenantPath}/devices?searchText=${target.serialNumber as string}`);
    expect(bySerial.body.value.map((d) => d.name)).toContain(target.name);
    const byName = await h.api<Collection<Device>>(`${h.tenantPath}/devices?searchText=mmd-00006`);
    expect(byName.body.value.map((d) => d.name)).toEqual(['MMD-00006']);
    const none = await h.api<Collection<Device>>(`${h.tenantPath}/devices?searchText=no-such-thing`);
    expect(none.body.value).toEqual([]);
  });

  it('holds devices with null and empty fields, as the documents do', async () => {
    const all = (await h.api<Collection<Device>>(`${h.tenantPath}/devices`)).body.value;
    expect(all.some((d) => d.name === '')).toBe(true);
    expect(all.some((d) => d.userUpn === null)).toBe(true);
  });

  it('refuses $filter on devices and bad paging values with a 400', async () => {
    const filter = await h.api(`${h.tenantPath}/devices?$filter=name eq 'x'`);
    expect(filter.status).toBe(400);
    const top = await h.api(`${h.tenantPath}/devices?$top=-1`);
    expect(top.status).toBe(400);
    expect(top.body).toEqual({ error: { code: '400', message: expect.stringContaining('$top') } });
  });
});

describe('GET tenants/{tenantId}/devices/{name}', () => {
  it('answers the entity with groups and configurations', async () => {
    const answer = await h.api<Device>(`${h.tenantPath}/devices/${EXAMPLE_DEVICE}`);
    expect(answer.status).toBe(200);
    expect(answer.body['@odata.context']).toMatch(/\$metadata#Devices\/\$entity$/);
    expect(answer.body.name).toBe(EXAMPLE_DEVICE);
    expect(answer.body.groups.length).toBeGreaterThan(0);
    expect(answer.body.configurations.length).toBeGreaterThan(0);
    for (const config of answer.body.configurations as { type: string; deploymentStatus: string }[]) {
      expect(['Policy', 'Script', 'App']).toContain(config.type);
      expect(['Compliant', 'Success', 'Failed', 'Error', 'NotApplicable', 'Pending']).toContain(config.deploymentStatus);
    }
  });

  it('finds the name case-insensitively and answers the same detail twice', async () => {
    const a = await h.api<Device>(`${h.tenantPath}/devices/${EXAMPLE_DEVICE.toLowerCase()}`);
    const b = await h.api<Device>(`${h.tenantPath}/devices/${EXAMPLE_DEVICE}`);
    expect(a.body).toEqual(b.body);
  });

  it('answers the documented 404 for an unknown device', async () => {
    const answer = await h.api(`${h.tenantPath}/devices/MMD-99999`);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: '404', message: 'This device does not exist.' } });
  });
});

describe('GET tenants/{tenantId}/devices/{name}/elevationDetails', () => {
  it('answers the open elevation with a password and records who viewed it', async () => {
    const answer = await h.api<Record<string, unknown>>(`${h.tenantPath}/devices/${EXAMPLE_ELEVATED_DEVICE}/elevationDetails`, {
      headers: { 'x-emulator-upn': 'admin@contoso.onmicrosoft.com' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.deviceName).toBe(EXAMPLE_ELEVATED_DEVICE);
    expect(typeof answer.body.password).toBe('string');
    expect((answer.body.password as string).length).toBeGreaterThanOrEqual(12);
    expect(answer.body.status).toBe('PasswordSucceeded');
    expect(answer.body.viewedBy).toEqual(['System', 'admin@contoso.onmicrosoft.com']);
    const list = await h.api<Collection>(
      `${h.tenantPath}/elevationRequests?$filter=${encodeURIComponent(`id eq '${answer.body.openedElevationRequestId as string}'`)}`,
    );
    expect(list.body.value[0]!.viewerUpns).toEqual(['admin@contoso.onmicrosoft.com']);
  });

  it('answers 404 for a device without an open elevation, and for an unknown device', async () => {
    const none = await h.api(`${h.tenantPath}/devices/${EXAMPLE_DEVICE}/elevationDetails`);
    expect(none.status).toBe(404);
    expect(none.body).toEqual({ error: { code: '404', message: 'This device has no open elevation request.' } });
    const unknown = await h.api(`${h.tenantPath}/devices/MMD-99999/elevationDetails`);
    expect(unknown.body).toEqual({ error: { code: '404', message: 'This device does not exist.' } });
  });
});
