import { stripUnsafeText } from '../../src/http/parse-common';
import { parseEntity } from '../../src/mmd/parse-common';
import { deviceSchema } from '../../src/mmd/parse-device';
import type { NewTicket } from '../../src/mmd/types';
import { startClientHarness, type ClientHarness } from './emulator-client';

/** NUL and bidi controls in API text are removed at the parsing boundary (issue 8, item 7). */

const NUL = '\u0000';
const RLO = '\u202E';
const CONTROLS = ['\u0000', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

let h: ClientHarness;
beforeAll(async () => {
  h = await startClientHarness({ tickets: 2 });
});
afterAll(() => h.close());
afterEach(() => h.emulator.faults.clear());

describe('unsafe characters in API text', () => {
  it('are stripped from a ticket record the emulator stores and serves back', async () => {
    const ticket: NewTicket = {
      title: `Invoice${RLO}fdp.exe${NUL} please`,
      description: `line${NUL}one \u2066isolated\u2069`,
      type: 'RequestForInformation',
      category: 'Devices',
      subcategory: 'Hardware',
      severity: 4,
      contact: { givenName: `J${RLO}`, surname: 'D', email: 'jd@contoso.com', phoneNumber: '1' },
    };
    const created = await h.client.tickets.create(ticket);
    const read = await h.client.tickets.get(created.id);
    expect(read).not.toBeNull();
    expect(read!.title).toBe('Invoicefdp.exe please');
    expect(read!.description).toBe('lineone isolated');
    const listed = (await h.client.tickets.list({ top: 500 })).items.find((item) => item.id === created.id);
    expect(listed?.title).toBe('Invoicefdp.exe please');
    for (const text of [JSON.stringify(read), JSON.stringify(listed)]) {
      for (const control of CONTROLS) expect(text).not.toContain(control);
    }
  });

  it('are stripped from a device record served with them', async () => {
    const [device] = (await h.client.devices.list({ top: 1 })).items;
    h.emulator.faults.add({
      path: `/devices/${device!.name}$`,
      status: 200,
      body: { name: `${device!.name}${NUL}`, model: `Surface${RLO}\u202A Pro`, userUpn: `a\u2067b@contoso.com` },
    });
    const served = await h.client.devices.get(device!.name);
    expect(served).toMatchObject({ name: device!.name, model: 'Surface Pro', userUpn: 'ab@contoso.com' });
  });

  it('leaves other text, numbers and nesting alone', () => {
    const value = { a: ['x', 1, null, { 'k\u202E': 'ü—ok\u200F' }], b: true };
    expect(stripUnsafeText(value)).toEqual({ a: ['x', 1, null, { k: 'ü—ok\u200F' }], b: true });
    expect(parseEntity(deviceSchema, { name: 'MMD-1' }, { method: 'GET', path: 'p' }).name).toBe('MMD-1');
  });
});
