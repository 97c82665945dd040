import { cardOf, cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { validateCard } from '../../helpers/card-validation';
import { action, apiCalls, chooseCategory, fieldError, input, inputs, invokeCard, invokeMessage, press } from './form-helpers';

type Json = Record<string, unknown>;

const CREATE = /\/elevationRequests$/;
const CLOSE = /\/elevationRequests\/[^/]+$/;

describe('elevation forms', () => {
  let harness: TurnHarness;
  let ticketId: string;
  /** Devices with no open elevation request, handed out one per test that creates requests. */
  let freeDevices: string[];

  beforeAll(async () => {
    harness = await TurnHarness.start();
    ticketId = (await harness.app.mmd.tickets.list({ states: ['active'], top: 1 })).items[0]!.id;
    const devices = (await harness.app.mmd.devices.list({ top: 40 })).items.map((d) => d.name).filter((n) => /^MMD-\d+$/.test(n));
    freeDevices = [];
    for (const name of devices) {
      const open = await harness.app.mmd.elevations.list({ deviceName: name, open: true });
      if (open.items.length === 0) freeDevices.push(name);
    }
    expect(freeDevices.length).toBeGreaterThan(6);
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(() => harness.app.emulator?.faults.clear());

  const device = () => freeDevices.shift()!;

  /** The form at step 2: opened, Office chosen, "Choose subcategory" pressed. */
  async function openForm(deviceName?: string): Promise<Json> {
    return chooseCategory(harness, invokeCard(await harness.execute('elevation.requestForm', deviceName ? { deviceName } : {})), 'Office');
  }

  const valid = (deviceName: string): Json => ({
    deviceName,
    ticketChoice: ticketId,
    title: 'Repair Excel add-in',
    category: 'Office',
    subcategory: 'Excel',
    planOfAction: 'Re-register the add-in with elevated rights.',
  });

  describe('request elevation', () => {
    it('opens from "request elevation <device>" with the device and the open tickets to choose from', async () => {
      const replies = await harness.say('request elevation MMD-00002');
      const form = cardOf(replies[0]);
      expect(validateCard(form)).toEqual([]);
      expect(inputs(form).deviceName).toBe('MMD-00002');
      const choice = input(form, 'ticketChoice');
      expect(choice.type).toBe('Input.ChoiceSet');
      const open = await harness.app.mmd.tickets.list({ states: ['active'], top: 20 });
      expect((choice.choices as Json[]).map((c) => c.value)).toEqual(open.items.map((t) => t.id));
    });

    it('opens from a device card', async () => {
      const deviceCard = invokeCard(await harness.execute('device.open', { name: 'MMD-00003' }));
      const form = invokeCard(await harness.execute('elevation.requestForm', action(deviceCard, 'elevation.requestForm').data));
      expect(inputs(form).deviceName).toBe('MMD-00003');
    });

    it('creates the request once and replaces the form with the elevation card', async () => {
      const name = device();
      const form = await openForm(name);
      const before = apiCalls(harness, 'POST', CREATE);
      const first = invokeCard(await press(harness, form, 'elevation.create', valid(name)));
      const second = invokeCard(await press(harness, form, 'elevation.create', valid(name)));
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before + 1);
      expect(second).toEqual(first);
      expect(cardText(first)).toMatch(/Repair Excel add-in/);
      expect(() => action(first, 'elevation.create')).toThrow();
      const created = (await harness.app.mmd.elevations.list({ deviceName: name })).items;
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        deviceName: name,
        partnerTicketId: ticketId,
        title: 'Repair Excel add-in',
        category: 'Office',
        subcategory: 'Excel',
        planOfAction: 'Re-register the add-in with elevated rights.\n\n— Adele Vance (adele.vance@contoso.com) via MMD Assist',
        requestClosureTime: null,
      });
    });

    it('links a typed ticket id over the chosen one', async () => {
      const name = device();
      const other = (await harness.app.mmd.tickets.list({ top: 5 })).items.map((t) => t.id).find((id) => id !== ticketId)!;
      const form = await openForm(name);
      invokeCard(await press(harness, form, 'elevation.create', { ...valid(name), ticketId: other }));
      expect((await harness.app.mmd.elevations.list({ deviceName: name })).items[0]?.partnerTicketId).toBe(other);
    });

    it.each([
      ['no linked ticket', { ticketChoice: '' }, 'ticketId', /Choose one of your open tickets or type a ticket id/],
      [
        'a ticket that does not exist',
        { ticketChoice: '', ticketId: 'MMD-0000000-NOPE0' },
        'ticketId',
        /There is no ticket MMD-0000000-NOPE0/,
      ],
      ['a malformed ticket id', { ticketId: 'not a ticket' }, 'ticketId', /ticket id such as/],
      ['no device', { deviceName: '' }, 'deviceName', /device name/],
      ['a device name with spaces', { deviceName: 'my laptop' }, 'deviceName', /device name/],
      ['no title', { title: '' }, 'title', /Enter a title/],
      ['no plan', { planOfAction: ' ' }, 'planOfAction', /plan of action/],
      ['a subcategory of another category', { category: 'Hardware', subcategory: 'Excel' }, 'subcategory', /does not belong to Hardware/],
    ])('re-renders for %s with the input kept', async (_name, change, field, message) => {
      const form = await openForm();
      const before = apiCalls(harness, 'POST', CREATE);
      const sent: Json = { ...valid('MMD-00004'), ...change };
      const again = invokeCard(await press(harness, form, 'elevation.create', sent));
      expect(fieldError(again, field)).toMatch(message);
      for (const key of ['deviceName', 'title', 'planOfAction', 'ticketId']) expect(inputs(again)[key]).toBe(sent[key] ?? '');
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before);
    });

    it("lists only the chosen category's subcategories (step 1, then step 2), keeping what was typed", async () => {
      const start = invokeCard(await harness.execute('elevation.requestForm', { deviceName: 'MMD-00004' }));
      expect(() => input(start, 'subcategory')).toThrow();
      expect(() => action(start, 'elevation.create')).toThrow();
      expect(input(start, 'title')).toMatchObject({ isRequired: false });
      expect((input(start, 'category').choices as Json[]).map((c) => c.value)).toEqual([
        'Office',
        'Hardware',
        'Apps',
        'Networking',
        'Security',
        'Other',
      ]);
      const form = await chooseCategory(harness, start, 'Networking', { title: 'Reset VPN client' });
      expect((input(form, 'subcategory').choices as Json[]).map((c) => c.value)).toEqual(['VPN', 'Other']);
      expect(inputs(form)).toMatchObject({ deviceName: 'MMD-00004', title: 'Reset VPN client', category: 'Networking' });
      expect(input(form, 'title')).toMatchObject({ isRequired: true });
      // A stale or tampered pair: the field's message, the new category's list, no API call.
      const before = apiCalls(harness, 'POST', CREATE);
      const again = invokeCard(
        await press(harness, form, 'elevation.create', { ...valid('MMD-00004'), category: 'Security', subcategory: 'VPN' }),
      );
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before);
      expect(fieldError(again, 'subcategory')).toBe('That subcategory does not belong to Security. Choose one of: BitLocker, Other.');
      expect((input(again, 'subcategory').choices as Json[]).map((c) => c.value)).toEqual(['BitLocker', 'Other']);
    });

    it.each([
      ['a bad formId', { formId: 'abc' }],
      ['an unknown category', { category: 'Payroll' }],
      ['a device of the wrong type', { deviceName: 42 }],
      ['an over-long plan', { planOfAction: 'p'.repeat(4001) }],
    ])('refuses tampered data: %s', async (_name, change) => {
      const form = await openForm();
      const before = apiCalls(harness, 'POST', CREATE);
      expect(invokeMessage(await press(harness, form, 'elevation.create', { ...valid('MMD-00004'), ...change }))).toMatch(
        /nothing was changed/,
      );
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before);
    });

    it('shows an unknown device (404) in the form and accepts the corrected device', async () => {
      const form = await openForm();
      const failed = invokeCard(await press(harness, form, 'elevation.create', valid('MMD-99999')));
      expect(cardText(failed)).toMatch(/Nothing was created: This device does not exist\./);
      expect(fieldError(failed, 'deviceName')).toMatch(/no managed device with this name/);
      expect(inputs(failed)).toMatchObject({ deviceName: 'MMD-99999', title: 'Repair Excel add-in' });
      const name = device();
      const card = invokeCard(await press(harness, failed, 'elevation.create', { deviceName: name }));
      expect(cardText(card)).toContain(name);
    });

    it('shows "too many open elevation requests" (403) in the form', async () => {
      const name = device();
      for (let i = 0; i < 2; i++) invokeCard(await press(harness, await openForm(name), 'elevation.create', valid(name)));
      const failed = invokeCard(await press(harness, await openForm(name), 'elevation.create', valid(name)));
      expect(cardText(failed)).toMatch(/This device has too many open elevation requests\. Close an open request/);
      expect(fieldError(failed, 'deviceName')).toMatch(/too many open elevation requests/);
      expect(inputs(failed).planOfAction).toBe('Re-register the add-in with elevated rights.');
    });

    it('says plainly when the outcome is unknown', async () => {
      harness.app.emulator!.faults.add({ method: 'POST', path: '/elevationRequests$', drop: true, times: 1 });
      const name = device();
      const failed = invokeCard(await press(harness, await openForm(name), 'elevation.create', valid(name)));
      expect(cardText(failed)).toMatch(/cannot tell whether the elevation request was created/);
    });

    it('after a server error, pressing again asks the service and ends with exactly one request', async () => {
      harness.app.emulator!.faults.add({ method: 'POST', path: '/elevationRequests$', status: 500, times: 1 });
      const name = device();
      const failed = invokeCard(await press(harness, await openForm(name), 'elevation.create', valid(name)));
      expect(cardText(failed)).toMatch(/cannot tell whether the elevation request was created/);
      // The service answered: none on the device since the claim, so the form is sent (once).
      const created = invokeCard(await press(harness, failed, 'elevation.create'));
      const replay = invokeCard(await press(harness, failed, 'elevation.create'));
      const id = (action(created, 'elevation.closeForm').data as Json).id;
      expect((action(replay, 'elevation.closeForm').data as Json).id).toBe(id);
      expect((await harness.app.mmd.elevations.list({ deviceName: name })).items.map((r) => r.id)).toEqual([id]);
    });
  });

  describe('close elevation', () => {
    async function openRequest(): Promise<{ card: Json; id: string; name: string }> {
      const name = device();
      const card = invokeCard(await press(harness, await openForm(name), 'elevation.create', valid(name)));
      const id = (action(card, 'elevation.closeForm').data as Json).id as string;
      return { card, id, name };
    }

    it('opens from the elevation card, closes once, and shows the closed request', async () => {
      const { card, id, name } = await openRequest();
      const form = invokeCard(await harness.execute('elevation.closeForm', action(card, 'elevation.closeForm').data));
      expect(cardText(form)).toContain(id);
      const before = apiCalls(harness, 'PATCH', CLOSE);
      const closed = invokeCard(await press(harness, form, 'elevation.close', { actionsTaken: 'Re-registered the add-in.' }));
      const replay = invokeCard(await press(harness, form, 'elevation.close', { actionsTaken: 'Re-registered the add-in.' }));
      expect(apiCalls(harness, 'PATCH', CLOSE)).toBe(before + 1);
      expect(replay).toEqual(closed);
      expect(cardText(closed)).toMatch(/Closed/);
      expect(cardText(closed)).toMatch(/Re-registered the add-in\./);
      expect(() => action(closed, 'elevation.closeForm')).toThrow();
      const stored = (await harness.app.mmd.elevations.list({ deviceName: name })).items.find((r) => r.id === id);
      expect(Date.now() - Date.parse(stored?.requestClosureTime ?? '')).toBeLessThan(60_000);
      expect(stored?.actionsTaken).toBe('Re-registered the add-in.\n\n— Adele Vance (adele.vance@contoso.com) via MMD Assist');
    });

    it('names the device and shows the full request when the button carries the device', async () => {
      const { id, name } = await openRequest();
      const form = invokeCard(await harness.execute('elevation.closeForm', { id, deviceName: name }));
      expect(cardText(form)).toMatch(/Repair Excel add-in/);
      const closed = invokeCard(await press(harness, form, 'elevation.close', { actionsTaken: 'Done.' }));
      expect(cardText(closed)).toMatch(/Repair Excel add-in/);
      // Opening the form again for the closed request shows the request instead.
      const again = invokeCard(await harness.execute('elevation.closeForm', { id, deviceName: name }));
      expect(() => action(again, 'elevation.close')).toThrow();
    });

    it('after a server error, pressing again asks the service whether the request was closed', async () => {
      const { id, name } = await openRequest();
      const form = invokeCard(await harness.execute('elevation.closeForm', { id, deviceName: name }));
      harness.app.emulator!.faults.add({ method: 'PATCH', path: '/elevationRequests/', status: 500, times: 1 });
      const failed = invokeCard(await press(harness, form, 'elevation.close', { actionsTaken: 'Done.' }));
      expect(cardText(failed)).toMatch(/cannot tell whether the elevation request was closed/);
      // Still open at the service: closed now, once.
      const before = apiCalls(harness, 'PATCH', CLOSE);
      const closed = invokeCard(await press(harness, failed, 'elevation.close'));
      expect(cardText(closed)).toMatch(/Closed/);
      expect(apiCalls(harness, 'PATCH', CLOSE)).toBe(before + 1);
      expect(invokeCard(await press(harness, failed, 'elevation.close'))).toEqual(closed);
      expect(apiCalls(harness, 'PATCH', CLOSE)).toBe(before + 1);
    });

    it('shows "already closed" (400) in a second form for the same request', async () => {
      const { id } = await openRequest();
      const first = invokeCard(await harness.execute('elevation.closeForm', { id }));
      const second = invokeCard(await harness.execute('elevation.closeForm', { id }));
      invokeCard(await press(harness, first, 'elevation.close', { actionsTaken: 'Done.' }));
      const failed = invokeCard(await press(harness, second, 'elevation.close', { actionsTaken: 'Done too.' }));
      expect(cardText(failed)).toMatch(/Nothing was changed: This elevation request was already closed\./);
      expect(inputs(failed).actionsTaken).toBe('Done too.');
    });

    it('shows an unknown request (404) in the form', async () => {
      const form = invokeCard(await harness.execute('elevation.closeForm', { id: '00000000-0000-4000-8000-000000000000' }));
      const failed = invokeCard(await press(harness, form, 'elevation.close', { actionsTaken: 'Done.' }));
      expect(cardText(failed)).toMatch(/Nothing was changed: This elevation request does not exist\./);
    });

    it('re-renders without actions taken, and refuses tampered data', async () => {
      const { id } = await openRequest();
      const form = invokeCard(await harness.execute('elevation.closeForm', { id }));
      const before = apiCalls(harness, 'PATCH', CLOSE);
      const again = invokeCard(await press(harness, form, 'elevation.close', { actionsTaken: '' }));
      expect(fieldError(again, 'actionsTaken')).toMatch(/Describe the actions taken/);
      expect(invokeMessage(await press(harness, form, 'elevation.close', { actionsTaken: 'x', formId: 'nope' }))).toMatch(
        /nothing was changed/,
      );
      expect(invokeMessage(await press(harness, form, 'elevation.close', { actionsTaken: 'x'.repeat(4001) }))).toMatch(
        /nothing was changed/,
      );
      expect(invokeMessage(await press(harness, form, 'elevation.close', { actionsTaken: 'x', requestId: 'r'.repeat(65) }))).toMatch(
        /nothing was changed/,
      );
      expect(apiCalls(harness, 'PATCH', CLOSE)).toBe(before);
    });
  });
});
