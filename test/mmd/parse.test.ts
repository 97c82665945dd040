import { MmdApiError } from '../../src/mmd/mmd-api-error';
import { parseCollection, parseEntity } from '../../src/mmd/parse-common';
import { deviceSchema } from '../../src/mmd/parse-device';
import { elevationDetailsSchema, elevationSchema } from '../../src/mmd/parse-elevation';
import { noteSchema, ticketSchema } from '../../src/mmd/parse-ticket';
import { userSchema } from '../../src/mmd/parse-user';

const where = { method: 'GET', path: 'tickets' };

describe('parsing at the boundary', () => {
  it('fills missing fields with null and [] and ignores extra ones', () => {
    const device = parseEntity(deviceSchema, { name: 'MMD-1', extra: { deep: true } }, where);
    expect(device).toMatchObject({ name: 'MMD-1', model: null, userUpn: null, ageInMonths: null, groups: [], configurations: [] });
    expect(device).not.toHaveProperty('extra');
  });

  it('keeps an empty or null device name as ""', () => {
    expect(parseEntity(deviceSchema, { name: '' }, where).name).toBe('');
    expect(parseEntity(deviceSchema, { name: null }, where).name).toBe('');
  });

  it('reads severity as a number or a numeric string, anything else as null', () => {
    expect(parseEntity(ticketSchema, { id: 'T1', severity: 2 }, where).severity).toBe(2);
    expect(parseEntity(ticketSchema, { id: 'T1', severity: ' 3 ' }, where).severity).toBe(3);
    expect(parseEntity(ticketSchema, { id: 'T1', severity: 'high' }, where).severity).toBeNull();
  });

  it('keeps unknown enum values and stray spaces as given', () => {
    const ticket = parseEntity(ticketSchema, { id: 'T1', type: 'Change Request', subcategory: 'Other ', state: 'onHold' }, where);
    expect(ticket).toMatchObject({ type: 'Change Request', subcategory: 'Other ', state: 'onHold' });
  });

  it('turns wrong types into null rather than failing', () => {
    const ticket = parseEntity(
      ticketSchema,
      { id: 7, title: 42, isPartner: 'true', issueReproduced: 'maybe', contact: 'nobody', notes: 'none' },
      where,
    );
    expect(ticket).toMatchObject({ id: '7', title: null, isPartner: true, issueReproduced: null, contact: null, notes: [] });
  });

  it('keeps the readable items of a list and counts the rest', () => {
    const parsed = parseCollection(
      ticketSchema,
      { value: [{ id: 'A' }, null, 'x', { title: 'no id' }, { id: '' }, { id: 'B', severity: '4' }] },
      where,
    );
    expect(parsed.items.map((t) => t.id)).toEqual(['A', 'B']);
    expect(parsed.dropped).toBe(4);
    expect(parsed.nextLink).toBeNull();
  });

  it('keeps odd items inside an entity too', () => {
    const user = parseEntity(userSchema, { upn: 'a@b', devices: [{ name: 'D1' }, 5, { serialNumber: 'S' }], groups: null }, where);
    expect(user.devices).toEqual([
      { name: 'D1', serialNumber: null, model: null, ring: null, lastIntuneSyncTime: null },
      { name: '', serialNumber: 'S', model: null, ring: null, lastIntuneSyncTime: null },
    ]);
    expect(user.groups).toEqual([]);
    const elevation = parseEntity(elevationSchema, { id: 'E', viewerUpns: ['a', 1, null, 'b'] }, where);
    expect(elevation.viewerUpns).toEqual(['a', 'b']);
  });

  it('reads notes with numeric or string ids and missing text', () => {
    expect(parseEntity(noteSchema, { id: 0, text: '<b>hi</b>' }, where)).toMatchObject({ id: 0, text: '<b>hi</b>' });
    expect(parseEntity(noteSchema, { id: 'n1' }, where)).toMatchObject({ id: 'n1', text: '' });
  });

  it('passes nextLink through', () => {
    expect(parseCollection(ticketSchema, { value: [], '@odata.nextLink': 'https://x/y?$skip=2' }, where).nextLink).toBe(
      'https://x/y?$skip=2',
    );
  });

  it('rejects a body that is not what the endpoint returns', () => {
    const invalid = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof MmdApiError ? error.code : 'other';
      }
      return 'none';
    };
    expect(invalid(() => parseEntity(ticketSchema, [], where))).toBe('invalid_response');
    expect(invalid(() => parseEntity(ticketSchema, 'text', where))).toBe('invalid_response');
    expect(invalid(() => parseEntity(ticketSchema, { title: 'no id' }, where))).toBe('invalid_response');
    expect(invalid(() => parseCollection(ticketSchema, { value: {} }, where))).toBe('invalid_response');
    expect(invalid(() => parseCollection(ticketSchema, null, where))).toBe('invalid_response');
    expect(invalid(() => parseEntity(elevationDetailsSchema, { password: 'p' }, where))).toBe('none');
  });
});
