import { EXAMPLE_DEVICE, EXAMPLE_USER_UPN } from '../../../src/emulator/seed';
import { startHarness, type Collection, type Harness } from '../emulator-harness';

interface User {
  name: string;
  upn: string;
  email: string | null;
  groups: unknown[];
  devices: { name: string; serialNumber: string | null; ring: string }[];
}
type Device = { name: string; userUpn: string | null; serialNumber: string | null };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('GET tenants/{tenantId}/users', () => {
  it('lists users whose devices match the devices list', async () => {
    const users = (await h.api<Collection<User>>(`${h.tenantPath}/users`)).body.value;
    const devices = (await h.api<Collection<Device>>(`${h.tenantPath}/devices`)).body.value;
    expect(users).toHaveLength(25);
    expect(users[0]!.upn).toBe(EXAMPLE_USER_UPN);
    for (const user of users) {
      const owned = devices.filter((d) => d.userUpn === user.upn).map((d) => d.name);
      expect(user.devices.map((d) => d.name)).toEqual(owned);
    }
    expect(users.some((u) => u.devices.length === 0)).toBe(true);
    expect(users.some((u) => u.devices.length > 1)).toBe(true);
  });

  it.each([
    ['$top', '$skip'],
    ['top', 'skip'],
  ])('pages with %s/%s', async (top, skip) => {
    const first = await h.api<Collection<User>>(`${h.tenantPath}/users?${top}=10`);
    const second = await h.api<Collection<User>>(`${h.tenantPath}/users?${skip}=10&${top}=10`);
    const third = await h.api<Collection<User>>(`${h.tenantPath}/users?${skip}=20&${top}=10`);
    expect(first.body.value).toHaveLength(10);
    expect(first.body['@odata.nextLink']).toMatch(/skip=10\b/i);
    expect(third.body.value).toHaveLength(5);
    expect(third.body['@odata.nextLink']).toBeUndefined();
    const upns = [...first.body.value, ...second.body.value, ...third.body.value].map((u) => u.upn);
    expect(new Set(upns).size).toBe(25);
  });

  it('searches by device name, serial number and name', async () => {
    const byDevice = await h.api<Collection<User>>(`${h.tenantPath}/users?searchText=${EXAMPLE_DEVICE}`);
    expect(byDevice.body.value.map((u) => u.upn)).toEqual([EXAMPLE_USER_UPN]);
    const adele = (await h.api<Collection<User>>(`${h.tenantPath}/users?searchText=adele%20vance`)).body.value;
    expect(adele.map((u) => u.upn)).toContain(EXAMPLE_USER_UPN);
    const serial = adele[0]!.devices[0]!.serialNumber!;
    const bySerial = await h.api<Collection<User>>(`${h.tenantPath}/users?searchText=${serial}`);
    expect(bySerial.body.value.map((u) => u.upn)).toContain(EXAMPLE_USER_UPN);
  });
});

describe('GET tenants/{tenantId}/users/{upn}', () => {
  it('answers a collection holding the one user, with groups', async () => {
    const answer = await h.api<Collection<User>>(`${h.tenantPath}/users/${encodeURIComponent(EXAMPLE_USER_UPN)}`);
    expect(answer.status).toBe(200);
    expect(answer.body['@odata.context']).toMatch(/\$metadata#Users$/);
    expect(answer.body.value).toHaveLength(1);
    expect(answer.body.value[0]!.upn).toBe(EXAMPLE_USER_UPN);
    expect(answer.body.value[0]!.groups.length).toBeGreaterThan(0);
  });

  it('answers 404 in the error shape for an unknown user', async () => {
    const answer = await h.api(`${h.tenantPath}/users/nobody@contoso.onmicrosoft.com`);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: '404', message: 'This user does not exist.' } });
  });
});
