/**
 * The emulator answers with the same keys as the documents' examples: for each documented
 * response fixture, the emulator's answer to the corresponding request has the same key set,
 * recursively (first item of every array).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_DEVICE, EXAMPLE_ELEVATED_DEVICE, EXAMPLE_TICKET_ID, EXAMPLE_USER_UPN } from '../../src/emulator/seed';
import { requestToken, startHarness, type Answer, type Harness } from './emulator-harness';

const FIXTURES = join(__dirname, '..', 'fixtures', 'api-docs');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as unknown;
}

/** Every key path of a value: objects by key, arrays through their first item. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? keyPaths(value[0], `${prefix}[]`) : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}.${key}`, ...keyPaths(child, `${prefix}.${key}`)]);
}

/** Key paths of `documented` that both sides can show (arrays empty in either are not descended). */
function comparable(documented: unknown, actual: unknown, prefix = ''): { expected: string[]; received: string[] } {
  if (Array.isArray(documented) && Array.isArray(actual)) {
    if (documented.length === 0 || actual.length === 0) return { expected: [], received: [] };
    return comparable(documented[0], actual[0], `${prefix}[]`);
  }
  if (!documented || !actual || typeof documented !== 'object' || typeof actual !== 'object') return { expected: [], received: [] };
  const expected = Object.keys(documented).map((k) => `${prefix}.${k}`);
  const received = Object.keys(actual).map((k) => `${prefix}.${k}`);
  for (const key of Object.keys(documented)) {
    const inner = comparable((documented as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${prefix}.${key}`);
    expected.push(...inner.expected);
    received.push(...inner.received);
  }
  return { expected, received };
}

function expectSameShape(name: string, answer: Answer): void {
  const documented = fixture(name);
  // Collections must have an item to compare, or the test would prove nothing.
  const value = (answer.body as { value?: unknown[] }).value;
  if (value !== undefined) expect(value.length).toBeGreaterThan(0);
  const { expected, received } = comparable(documented, answer.body);
  // Paging annotations come on top of the documented shape when a page is full (the brief's choice).
  const shown = received.filter((key) => key !== '.@odata.nextLink');
  expect({ name, keys: shown.sort() }).toEqual({ name, keys: expected.sort() });
  expect(keyPaths(documented).length).toBeGreaterThan(0);
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const post = (path: string, body: unknown): Promise<Answer> => h.api(path, { method: 'POST', body: JSON.stringify(body) });

describe('documented response shapes', () => {
  it.each([
    ['list-devices-1.response', () => `${h.tenantPath}/devices`],
    ['list-devices-2.response', () => `${h.tenantPath}/devices?skip=1&top=2`],
    ['list-devices-3.response', () => `${h.tenantPath}/devices?searchText=${EXAMPLE_USER_UPN}`],
    ['get-device.response', () => `${h.tenantPath}/devices/${EXAMPLE_DEVICE}`],
    ['list-users-1.response', () => `${h.tenantPath}/users`],
    ['list-users-2.response', () => `${h.tenantPath}/users?skip=1&top=2`],
    ['list-users-3.response', () => `${h.tenantPath}/users?searchText=${EXAMPLE_DEVICE}`],
    ['get-user.response', () => `${h.tenantPath}/users/${EXAMPLE_USER_UPN}`],
    ['list-tickets-1.response', () => 'tickets?$skip=0&$top=50&$orderby=createdDateTime desc'],
    ['list-tickets-2.response', () => "tickets?$filter=contains(title,'Test')"],
    ['list-tickets-3.response', () => "tickets?$filter=state eq 'resolved' and severity eq 2"],
    ['get-ticket.response', () => `tickets('{${EXAMPLE_TICKET_ID}}')`],
    ['get-ticket-notes.response', () => `tickets('{${EXAMPLE_TICKET_ID}}')/notes`],
    ['list-elevations-1.response', () => `${h.tenantPath}/elevationRequests?$skip=0&$top=2`],
    ['list-elevations-2.response', () => `${h.tenantPath}/elevationRequests?$filter=deviceName eq '${EXAMPLE_ELEVATED_DEVICE}'`],
    ['list-elevations-3.response', () => `${h.tenantPath}/elevationRequests?$filter=contains(category,'Office')`],
    ['get-elevation-details.response', () => `${h.tenantPath}/devices/${EXAMPLE_ELEVATED_DEVICE}/elevationDetails`],
  ])('%s', async (name, path) => {
    const answer = await h.api(path());
    expect(answer.status).toBe(200);
    expectSameShape(name, answer);
  });

  it.each([
    ['create-ticket-information', ''],
    ['create-ticket-change', ''],
    ['create-ticket-incident', ''],
    ['create-ticket-information', '-revised'],
    ['create-ticket-change', '-revised'],
    ['create-ticket-incident', '-revised'],
  ])('%s%s: the documented request is accepted and answered in the documented shape', async (name, revision) => {
    const answer = await post('tickets', fixture(`${name}${revision}.request`));
    expect(answer.status).toBe(200);
    expectSameShape(`${name}${revision}.response`, answer);
  });

  it('add-note: the documented request, then the notes in the documented shape', async () => {
    expect((await post(`tickets('${EXAMPLE_TICKET_ID}')/addNote`, fixture('add-note.request'))).status).toBe(204);
    expectSameShape('add-note-then-notes.response', await h.api(`tickets('${EXAMPLE_TICKET_ID}')/notes`));
  });

  it.each(['', '-revised'])('create-elevation%s: the documented (PascalCase) request on a real device', async (revision) => {
    const request = { ...(fixture(`create-elevation${revision}.request`) as object), DeviceName: 'MMD-00003' };
    const answer = await post(`${h.tenantPath}/elevationRequests`, request);
    expect(answer.status).toBe(201);
    expectSameShape(`create-elevation${revision}.response`, answer);
    // Close it again so the device stays under the limit for the other case.
    const id = (answer.body as { id: string }).id;
    expect(
      (
        await h.api(`${h.tenantPath}/elevationRequests/${id}`, {
          method: 'PATCH',
          body: JSON.stringify(fixture('close-elevation.request')),
        })
      ).status,
    ).toBe(204);
  });

  it('create-elevation-404: the documented request as is (its device does not exist)', async () => {
    const answer = await post(`${h.tenantPath}/elevationRequests`, fixture('create-elevation.request'));
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(fixture('create-elevation-404.response'));
    expect(answer.body).toEqual(fixture('create-elevation-404-revised.response'));
  });

  it('create-elevation-403 and the close errors match the documents exactly', async () => {
    const request = { ...(fixture('create-elevation.request') as object), DeviceName: EXAMPLE_ELEVATED_DEVICE };
    let answer = await post(`${h.tenantPath}/elevationRequests`, request);
    const id = (answer.body as { id: string }).id;
    while (answer.status === 201) answer = await post(`${h.tenantPath}/elevationRequests`, request);
    expect(answer.body).toEqual(fixture('create-elevation-403.response'));
    expect(answer.body).toEqual(fixture('create-elevation-403-revised.response'));

    const close = (elevationId: string): Promise<Answer> =>
      h.api(`${h.tenantPath}/elevationRequests/${elevationId}`, {
        method: 'PATCH',
        body: JSON.stringify(fixture('close-elevation.request')),
      });
    expect((await close(id)).status).toBe(204);
    expect((await close(id)).body).toEqual(fixture('close-elevation-400.response'));
    expect((await close('00000000-0000-0000-0000-000000000000')).body).toEqual(fixture('close-elevation-404.response'));
  });

  it('token.response', async () => {
    const answer = await requestToken(h.emulator);
    expect(Object.keys(answer.body).sort()).toEqual(Object.keys(fixture('token.response') as object).sort());
  });
});
