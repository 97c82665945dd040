import { paginate } from '../../src/http/paging';
import type { Ticket } from '../../src/mmd/types';
import { startClientHarness, type ClientHarness } from './emulator-client';
import { failure } from './failure';

/** Every endpoint of the client, over real HTTP against the emulator. */

let h: ClientHarness;
beforeAll(async () => {
  h = await startClientHarness({ devices: 60, users: 25, tickets: 40 });
});
afterAll(() => h.close());

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const lastRequest = () => h.emulator.requestLog().at(-1)!;

describe('devices', () => {
  it('lists a page with $top/$skip', async () => {
    const page = await h.client.devices.list({ top: 5, skip: 5 });
    expect(page.items).toHaveLength(5);
    expect(page).toMatchObject({ skip: 5, top: 5, hasMore: true });
    expect(page.items[0]!.name).toEqual(expect.any(String));
    expect(lastRequest().url).toMatch(/\/tenants\/[^/]+\/devices\?\$top=5&\$skip=5$/);
  });

  it('searches with searchText', async () => {
    const [first] = (await h.client.devices.list({ top: 1 })).items;
    const page = await h.client.devices.list({ search: first!.serialNumber! });
    expect(page.items.map((d) => d.name)).toContain(first!.name);
    expect(lastRequest().url).toContain(`searchText=${encodeURIComponent(first!.serialNumber!)}`);
  });

  it('walks every page', async () => {
    const before = h.emulator.requestLog().length;
    const all = await collect(paginate(h.client.devices.list, { top: 25 }));
    expect(all).toHaveLength(60);
    expect(new Set(all.map((d) => d.name)).size).toBe(60);
    expect(h.emulator.requestLog().length - before).toBe(3);
  });

  it('gets one device, and null for an unknown or odd name', async () => {
    const [first] = (await h.client.devices.list({ top: 1 })).items;
    const device = await h.client.devices.get(first!.name);
    expect(device).toMatchObject({ name: first!.name, serialNumber: first!.serialNumber });
    expect(await h.client.devices.get('MMD-NOPE')).toBeNull();
    expect(await h.client.devices.get("a/b'c d?e#f")).toBeNull();
    expect(lastRequest()).toMatchObject({ status: 404 });
  });
});

describe('users', () => {
  it('lists and pages', async () => {
    const page = await h.client.users.list({ top: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.hasMore).toBe(true);
    expect(await collect(paginate(h.client.users.list, { top: 10 }))).toHaveLength(25);
  });

  it('gets a user (answered as a one-item collection) and null for an unknown one', async () => {
    const [first] = (await h.client.users.list({ top: 1 })).items;
    const user = await h.client.users.get(first!.upn);
    expect(user).toMatchObject({ upn: first!.upn, email: first!.email });
    expect(lastRequest().url).toContain(`/users/${encodeURIComponent(first!.upn)}`);
    expect(await h.client.users.get('nobody@contoso.onmicrosoft.com')).toBeNull();
  });

  it('finds users by searchText', async () => {
    const [first] = (await h.client.users.list({ top: 1 })).items;
    const page = await h.client.users.list({ search: first!.upn });
    expect(page.items.map((u) => u.upn)).toContain(first!.upn);
  });
});

describe('tickets', () => {
  it('lists newest first by default', async () => {
    const page = await h.client.tickets.list({ top: 10 });
    expect(page.items).toHaveLength(10);
    const dates = page.items.map((t) => Date.parse(t.createdDateTime!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(decodeURIComponent(lastRequest().url.replace(/\+/g, ' '))).toContain('$orderby=createdDateTime desc');
  });

  it('orders on request', async () => {
    const page = await h.client.tickets.list({ top: 40, orderBy: { field: 'severity', direction: 'asc' } });
    const severities = page.items.map((t) => t.severity!);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });

  it('filters by states, severities and title', async () => {
    const all = await collect(paginate(h.client.tickets.list, { top: 100 }));
    const state = all[0]!.state!;
    const severity = all[0]!.severity!;
    const word = all[0]!.title!.split(' ')[0]!;
    const page = await h.client.tickets.list({ top: 100, states: [state], severities: [severity, 99], titleContains: word });
    const expected = all.filter((t) => t.state === state && t.severity === severity && t.title!.toLowerCase().includes(word.toLowerCase()));
    expect(page.items.map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('keeps a quote in a title filter inside the literal', async () => {
    const page = await h.client.tickets.list({ titleContains: "' or 1 eq 1 or title eq '" });
    expect(page.items).toEqual([]);
    expect(lastRequest().status).toBe(200);
  });

  it('follows @odata.nextLink across pages', async () => {
    const before = h.emulator.requestLog().length;
    const all = await collect(paginate(h.client.tickets.list, { top: 15 }));
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    const requests = h.emulator.requestLog().slice(before);
    expect(requests).toHaveLength(3);
    // Our first request spells `$top`; the next two are the service's own links (`%24skip`).
    expect(requests[0]!.url).toContain('$top=15&$skip=0');
    expect(requests[1]!.url).toContain('%24skip=15');
    expect(requests[2]!.url).toContain('%24skip=30');
  });

  it('gets a ticket by id; null for unknown ids, also odd ones (a 404, never a 400)', async () => {
    const [first] = (await h.client.tickets.list({ top: 1 })).items;
    expect(await h.client.tickets.get(first!.id)).toMatchObject({ id: first!.id, title: first!.title });
    for (const id of ["O'Brien", "')/x", 'a/b', 'a%27b', '100%', 'ü ?#&', "''"]) {
      expect(await h.client.tickets.get(id)).toBeNull();
      expect(lastRequest().status).toBe(404);
    }
  });

  let created: Ticket;
  it('creates a ticket with a POST', async () => {
    created = await h.client.tickets.create({
      title: "Can't print",
      description: 'Printer queue stuck',
      type: 'Incident',
      category: 'Devices',
      subcategory: 'Configuration/Policy',
      severity: 2,
      contact: { givenName: 'John', surname: 'Doe', email: 'jd@contoso.com', phoneNumber: '+1 888' },
      usersOrDevicesImpacted: 3,
      issueReproduced: true,
    });
    expect(created).toMatchObject({
      title: "Can't print",
      type: 'Incident',
      severity: 2,
      usersOrDevicesImpacted: 3,
      issueReproduced: true,
    });
    expect(created.id).toEqual(expect.any(String));
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/support/odata/v1/tickets' });
    expect(await h.client.tickets.get(created.id)).toMatchObject({ id: created.id, title: "Can't print" });
  });

  it('adds a note and reads the notes back', async () => {
    await h.client.tickets.addNote(created.id, 'Tried <b>another</b> printer');
    expect(lastRequest()).toMatchObject({ method: 'POST', status: 204 });
    const notes = await h.client.tickets.notes(created.id);
    expect(notes.map((n) => n.text)).toContain('Tried <b>another</b> printer');
  });

  it('surfaces a 404 on notes of an unknown ticket as MmdApiError with the service message', async () => {
    const error = await failure(h.client.tickets.notes('MMD-NOPE'));
    expect(error).toMatchObject({ status: 404, code: '404', serviceMessage: 'This ticket does not exist.', method: 'GET' });
  });

  it('reports a validation error from the service', async () => {
    const error = await failure(
      h.client.tickets.create({
        title: ' ',
        description: 'x',
        type: 'Incident',
        category: 'Devices',
        subcategory: 'x',
        severity: 2,
        contact: { givenName: 'a', surname: 'b', email: 'c', phoneNumber: 'd' },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.retryable).toBe(false);
    expect(h.emulator.requestLog().filter((r) => r.method === 'POST' && r.status === 400)).toHaveLength(1);
  });
});

describe('elevation requests', () => {
  let device: string;
  beforeAll(async () => {
    // A device with no open elevation yet.
    const open = new Set((await collect(paginate(h.client.elevations.list, { open: true, top: 100 }))).map((e) => e.deviceName));
    const devices = await collect(paginate(h.client.devices.list, { top: 100 }));
    device = devices.find((d) => d.name && !open.has(d.name))!.name;
  });

  const request = (title: string) => ({
    partnerTicketId: 'MMD-1',
    deviceName: device,
    title,
    category: 'Office',
    subcategory: 'Excel',
    planOfAction: 'Install an add-in',
  });

  it('creates, lists (open, by device), shows details, and closes', async () => {
    expect(await h.client.devices.elevationDetails(device)).toBeNull();
    const created = await h.client.elevations.create(request('Add-in'));
    expect(created).toMatchObject({ deviceName: device, title: 'Add-in', category: 'Office', requestClosureTime: null });

    const open = await h.client.elevations.list({ deviceName: device, open: true });
    expect(open.items.map((e) => e.id)).toEqual([created.id]);
    expect(decodeURIComponent(lastRequest().url.replace(/\+/g, ' '))).toContain(
      `$filter=deviceName eq '${device}' and requestClosureTime eq null`,
    );

    const details = await h.client.devices.elevationDetails(device);
    expect(details).toMatchObject({ deviceName: device, openedElevationRequestId: created.id, password: expect.any(String) });

    await h.client.elevations.close(created.id, 'Installed the add-in');
    expect(lastRequest()).toMatchObject({ method: 'PATCH', status: 204 });
    const closed = await h.client.elevations.list({ deviceName: device, open: false });
    expect(closed.items.find((e) => e.id === created.id)).toMatchObject({ actionsTaken: 'Installed the add-in' });
    expect((await h.client.elevations.list({ deviceName: device, open: true })).items).toEqual([]);

    const again = await failure(h.client.elevations.close(created.id, 'again'));
    expect(again).toMatchObject({ status: 400, serviceMessage: 'This elevation request was already closed.', retryable: false });
  });

  it('filters by category and agent', async () => {
    const page = await h.client.elevations.list({ category: 'Office', top: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.category === 'Office')).toBe(true);
    const agent = page.items[0]!.requestingAgentUpn!;
    const byAgent = await h.client.elevations.list({ requestingAgentUpn: agent, top: 100 });
    expect(byAgent.items.length).toBeGreaterThan(0);
    expect(byAgent.items.every((e) => e.requestingAgentUpn === agent)).toBe(true);
  });

  it('refuses a third open request for a device with the documented 403', async () => {
    await h.client.elevations.create(request('one'));
    await h.client.elevations.create(request('two'));
    const error = await failure(h.client.elevations.create(request('three')));
    expect(error).toMatchObject({
      status: 403,
      code: '403',
      serviceMessage: 'This device has too many open elevation requests.',
      retryable: false,
    });
    expect(error.message).toContain('This device has too many open elevation requests.');
  });

  it('answers 404 for an unknown device', async () => {
    const error = await failure(h.client.elevations.create({ ...request('x'), deviceName: 'MMD-NOPE' }));
    expect(error).toMatchObject({ status: 404, serviceMessage: 'This device does not exist.' });
    const close = await failure(h.client.elevations.close('no-such-id', 'x'));
    expect(close).toMatchObject({ status: 404, serviceMessage: 'This elevation request does not exist.' });
  });
});

describe('token', () => {
  it('was fetched once for all the calls above (MSAL cache)', () => {
    expect(h.emulator.requestLog().length).toBeGreaterThan(30);
    expect(h.emulator.tokenRequestCount()).toBe(1);
  });
});
