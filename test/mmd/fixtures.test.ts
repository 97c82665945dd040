import { createMmdClient } from '../../src/mmd/create-client';
import { normalizeTicketType, ticketTypeLabel } from '../../src/mmd/enums';
import type { MmdClient } from '../../src/mmd/mmd-client';
import type { NewTicket } from '../../src/mmd/types';
import { fixture, startFixtureServer, type FixtureServer } from './fixture-server';
import { failure } from './failure';

/** The client reads every documented response example, quirks included, and sends the documented requests. */

let server: FixtureServer;
let client: MmdClient;
beforeAll(async () => {
  server = await startFixtureServer();
  client = createMmdClient({
    baseUrl: server.baseUrl,
    tenantId: 'tenant-1',
    tokenProvider: { getToken: async () => 'fixture-token' },
    maxRetries: 0,
  });
});
afterAll(() => server.close());

const last = () => server.requests.at(-1)!;

describe('devices', () => {
  it.each(['list-devices-1', 'list-devices-2', 'list-devices-3'])('%s: every device kept, empty names included', async (name) => {
    const body = fixture(`${name}.response.json`) as { value: unknown[] };
    server.answer(200, body);
    const page = await client.devices.list({ top: 50 });
    expect(page.items).toHaveLength(body.value.length);
    expect(page.hasMore).toBe(false);
    // Every scalar field as documented (nulls stay null), in order.
    page.items.forEach((device, i) => {
      const raw = body.value[i] as Record<string, unknown>;
      for (const [field, value] of Object.entries(device)) {
        if (!Array.isArray(value)) expect([field, value]).toEqual([field, raw[field] ?? null]);
      }
    });
    expect(last().url).toBe('/support/odata/v1/tenants/tenant-1/devices?$top=50&$skip=0');
  });

  it('list-devices-1: the third device has an empty name and no user', async () => {
    server.answer(200, fixture('list-devices-1.response.json'));
    const page = await client.devices.list();
    expect(page.items.map((d) => d.name)).toEqual(['Device name value', 'Device name value', '']);
    expect(page.items[2]!.userUpn).toBeNull();
  });

  it('get-device: groups, configurations, fractional age, null tenantName', async () => {
    server.answer(200, fixture('get-device.response.json'));
    const device = await client.devices.get('MMD-123456789');
    expect(device).toMatchObject({
      name: 'MMD-123456789',
      tenantName: null,
      ageInMonths: 9.274547,
      complianceState: 'NonCompliant',
      primaryUpdateRing: 'Test',
    });
    expect(device!.groups[0]).toEqual({
      id: '46bde30a-9113-4f1e-b169-d9e178f41fa7',
      displayName: 'Modern Workplace Devices-Test',
      description: 'Immediate ring for device rollout',
      countMembers: null,
    });
    expect(device!.configurations.map((c) => c.type)).toEqual(['Policy', 'Policy', 'Script', 'App']);
    expect(device!.configurations[3]).toMatchObject({ version: '', lastReportedStatusUtc: '0001-01-01T00:00:00Z' });
    expect(last().url).toBe('/support/odata/v1/tenants/tenant-1/devices/MMD-123456789');
  });

  it("get-elevation-details: the password is read (and is the caller's to protect)", async () => {
    server.answer(200, fixture('get-elevation-details.response.json'));
    const details = await client.devices.elevationDetails('MMD-03690457680');
    expect(details).toMatchObject({
      deviceName: 'MMD-03690457680',
      status: 'PasswordSucceeded',
      isPasswordChanged: false,
      viewedBy: ['System'],
      password: 'password',
    });
    expect(last().url).toBe('/support/odata/v1/tenants/tenant-1/devices/MMD-03690457680/elevationDetails');
  });
});

describe('users', () => {
  it.each(['list-users-1', 'list-users-2', 'list-users-3'])('%s', async (name) => {
    const body = fixture(`${name}.response.json`) as { value: unknown[] };
    server.answer(200, body);
    const page = await client.users.list();
    expect(page.items).toHaveLength(body.value.length);
    expect(page.items[0]).toMatchObject({ upn: 'username@contoso.onmicrosoft.com', groups: [] });
    expect(page.items[0]!.devices[0]).toMatchObject({ name: 'Device Name value', ring: expect.any(String) });
  });

  it('get-user: the documented one-item collection becomes one user', async () => {
    server.answer(200, fixture('get-user.response.json'));
    const user = await client.users.get('jdoe@contoso.onmicrosoft.com');
    expect(user).toMatchObject({
      name: 'John Doe',
      upn: 'jdoe@contoso.onmicrosoft.com',
      groups: [{ countMembers: null }],
      devices: [{ ring: 'First' }],
    });
    expect(last().url).toBe('/support/odata/v1/tenants/tenant-1/users/jdoe%40contoso.onmicrosoft.com');
  });

  it('get-user: an entity is accepted too, an empty collection is null', async () => {
    const [entity] = (fixture('get-user.response.json') as { value: unknown[] }).value;
    server.answer(200, entity);
    expect((await client.users.get('jdoe@contoso.onmicrosoft.com'))?.name).toBe('John Doe');
    server.answer(200, { value: [] });
    expect(await client.users.get('jdoe@contoso.onmicrosoft.com')).toBeNull();
  });
});

describe('tickets', () => {
  it.each(['list-tickets-1', 'list-tickets-2', 'list-tickets-3'])('%s', async (name) => {
    server.answer(200, fixture(`${name}.response.json`));
    const page = await client.tickets.list({ top: 50 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.contact).toMatchObject({ givenName: 'John', preferredLanguageId: '' });
  });

  it('list-tickets-2: "Change Request" and "Other " kept as sent, normalised for display', async () => {
    server.answer(200, fixture('list-tickets-2.response.json'));
    const [, second] = (await client.tickets.list()).items;
    expect(second).toMatchObject({ type: 'Change Request', subcategory: 'Other ', category: 'Apps' });
    expect(normalizeTicketType(second!.type!)).toBe('ChangeRequest');
    expect(ticketTypeLabel(second!.type)).toBe('Change request');
  });

  it('list-tickets-3: severity 2 resolved; the documented filter is what the client sends', async () => {
    server.answer(200, fixture('list-tickets-3.response.json'));
    const page = await client.tickets.list({ states: ['resolved'], severities: [2] });
    expect(page.items.map((t) => [t.state, t.severity])).toEqual([
      ['resolved', 2],
      ['resolved', 2],
    ]);
    const params = new URL(last().url, 'http://x').searchParams;
    expect(params.get('$filter')).toBe("state eq 'resolved' and severity eq 2");
    expect(params.get('$orderby')).toBe('createdDateTime desc');
  });

  it("get-ticket: addressed as tickets('ID')", async () => {
    server.answer(200, fixture('get-ticket.response.json'));
    const ticket = await client.tickets.get('MMD-1465058-R5V8P');
    expect(ticket).toMatchObject({
      id: 'MMD-1465058-R5V8P',
      severity: 2,
      state: 'active',
      isPartner: true,
      usersOrDevicesImpacted: 100,
      notes: [],
    });
    expect(last().url).toBe("/support/odata/v1/tickets('MMD-1465058-R5V8P')");
  });

  it.each(['get-ticket-notes', 'add-note-then-notes'])('%s: html notes with numeric ids', async (name) => {
    const body = fixture(`${name}.response.json`) as { value: unknown[] };
    server.answer(200, body);
    const notes = await client.tickets.notes('MMD-1465058-R5V8P');
    expect(notes).toHaveLength(body.value.length);
    expect(notes[0]).toMatchObject({ id: 0, type: 'post', renderType: 'html', sender: 'Sender Id' });
    expect(last().url).toBe("/support/odata/v1/tickets('MMD-1465058-R5V8P')/notes");
  });

  it('add note sends the documented body', async () => {
    server.answer(204);
    await client.tickets.addNote('MMD-1465058-R5V8P', 'Note to add to ticket');
    expect(last()).toEqual({
      method: 'POST',
      url: "/support/odata/v1/tickets('MMD-1465058-R5V8P')/addNote",
      body: fixture('add-note.request.json'),
    });
  });

  it.each(['information', 'change', 'incident', 'information-revised', 'change-revised', 'incident-revised'])(
    'create ticket (%s): POSTs the documented body and reads the documented answer',
    async (name) => {
      const request = fixture(`create-ticket-${name}.request.json`) as NewTicket;
      const response = fixture(`create-ticket-${name}.response.json`) as { type: string; subcategory: string };
      server.answer(200, response);
      const ticket = await client.tickets.create(request);
      expect(last()).toEqual({ method: 'POST', url: '/support/odata/v1/tickets', body: request });
      expect(ticket).toMatchObject({
        type: response.type,
        subcategory: response.subcategory,
        state: 'active',
        severity: 4,
        nextActionOwner: 'Microsoft',
      });
    },
  );

  it('create ticket (change): keeps the leading space of " Deployment groups assignment"', async () => {
    server.answer(200, fixture('create-ticket-change.response.json'));
    const ticket = await client.tickets.create(fixture('create-ticket-change.request.json') as NewTicket);
    expect(ticket.subcategory).toBe(' Deployment groups assignment');
  });
});

describe('elevation requests', () => {
  const documented = {
    partnerTicketId: 'Support Ticket Id',
    deviceName: 'DeviceName',
    title: 'Elevation request title',
    category: 'Office',
    subcategory: 'Excel',
    planOfAction: 'Plan of action using elevation.',
  };

  it.each(['create-elevation', 'create-elevation-revised'])(
    '%s: camelCase body with the documented values; 201 answer read',
    async (name) => {
      server.answer(201, fixture(`${name}.response.json`));
      const created = await client.elevations.create(documented);
      expect(created).toMatchObject({
        id: 'Elevation Request Id',
        deviceName: 'DeviceName',
        requestClosureTime: null,
        actionsTaken: '',
        viewerUpns: [],
        isDeleted: false,
      });
      const pascal = fixture(`${name.replace('-revised', '')}.request.json`) as Record<string, string>;
      const lowered = Object.fromEntries(Object.entries(pascal).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), v]));
      expect(last()).toEqual({ method: 'POST', url: '/support/odata/v1/tenants/tenant-1/elevationRequests', body: lowered });
    },
  );

  it.each([
    ['create-elevation-403', 403, 'This device has too many open elevation requests.'],
    ['create-elevation-403-revised', 403, 'This device has too many open elevation requests.'],
    ['create-elevation-404', 404, 'This device does not exist.'],
    ['create-elevation-404-revised', 404, 'This device does not exist.'],
  ])('%s surfaces as MmdApiError with the service message', async (name, status, message) => {
    server.answer(status, fixture(`${name}.response.json`));
    const error = await failure(client.elevations.create(documented));
    expect(error).toMatchObject({ status, code: String(status), serviceMessage: message, retryable: false });
  });

  it('close sends the documented body', async () => {
    server.answer(204);
    await client.elevations.close('Elevation Request Id', 'Actions taken to resolve case.');
    expect(last()).toEqual({
      method: 'PATCH',
      url: '/support/odata/v1/tenants/tenant-1/elevationRequests/Elevation%20Request%20Id',
      body: fixture('close-elevation.request.json'),
    });
  });

  it.each([
    ['close-elevation-400', 400, 'This elevation request was already closed.'],
    ['close-elevation-404', 404, 'This elevation request does not exist.'],
  ])('%s surfaces as MmdApiError', async (name, status, message) => {
    server.answer(status, fixture(`${name}.response.json`));
    const error = await failure(client.elevations.close('x', 'y'));
    expect(error).toMatchObject({ status, serviceMessage: message, method: 'PATCH' });
  });

  it.each(['list-elevations-1', 'list-elevations-2', 'list-elevations-3'])('%s', async (name) => {
    server.answer(200, fixture(`${name}.response.json`));
    const page = await client.elevations.list({ deviceName: 'MMD-03690457680' });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ id: 'Elevation Request Id', isSuccessfulRequest: true, requestRenewTime: null });
    expect(new URL(last().url, 'http://x').searchParams.get('$filter')).toBe("deviceName eq 'MMD-03690457680'");
  });
});

describe('odd answers', () => {
  it('a list without value is invalid_response; a non-JSON body too', async () => {
    server.answer(200, { items: [] });
    expect((await failure(client.tickets.list())).code).toBe('invalid_response');
    server.answer(200, 'not an object');
    expect((await failure(client.tickets.get('A'))).code).toBe('invalid_response');
  });

  it('a 404 on get is null, other statuses throw', async () => {
    server.answer(404, fixture('create-elevation-404.response.json'));
    expect(await client.devices.get('X')).toBeNull();
    expect(await client.devices.elevationDetails('X')).toBeNull();
    expect(await client.tickets.get('X')).toBeNull();
    server.answer(403, { error: { code: '403', message: 'Forbidden' } });
    await expect(client.devices.get('X')).rejects.toMatchObject({ status: 403, serviceMessage: 'Forbidden' });
  });
});
