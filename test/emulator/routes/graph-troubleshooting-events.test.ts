import createRequest from '../../fixtures/api-docs/graph/create-troubleshooting-event.request.json';
import createResponse from '../../fixtures/api-docs/graph/create-troubleshooting-event.response.json';
import { EXAMPLE_DEVICE } from '../../../src/emulator/seed';
import { EXAMPLE_EVENT_ID, GENERATED_EVENTS } from '../../../src/emulator/graph/seed';
import { requestToken, startHarness, type Collection, type Harness } from '../emulator-harness';
import { expectGraphError, graphApi } from '../graph-api';

type Event = Record<string, unknown> & {
  id: string;
  eventDateTime: string;
  managedDeviceIdentifier: string | null;
  deviceId: string | null;
  userId: string | null;
};
const PATH = '/beta/deviceManagement/troubleshootingEvents';

let h: Harness;
let graph: ReturnType<typeof graphApi>;
beforeEach(async () => {
  h = await startHarness();
  graph = graphApi(h);
});
afterEach(() => h.close());

const newest = (events: Event[]): number[] => events.map((e) => Date.parse(e.eventDateTime));

describe('POST troubleshootingEvents', () => {
  it('accepts the documented example as is: 201 and the documented response, id aside', async () => {
    const created = await graph<Event>(PATH, { method: 'POST', body: JSON.stringify(createRequest) });
    expect(created.status).toBe(201);
    const { '@odata.context': context, id, ...rest } = created.body;
    const { id: exampleId, ...documented } = createResponse;
    expect(rest).toEqual(documented);
    expect(id).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(id).not.toBe(exampleId);
    expect(context).toMatch(/\/graph\/beta\/\$metadata#deviceManagement\/troubleshootingEvents\/\$entity$/);
    const byId = await graph<Event>(`${PATH}/${id}`);
    expect(byId.body).toEqual(created.body);
  });

  it('defaults the enums and the time, and refuses an unknown enum value with Graph 400', async () => {
    const created = await graph<Event>(PATH, { method: 'POST', body: JSON.stringify({ deviceId: 'dev-1' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      enrollmentType: 'unknown',
      failureCategory: 'unknown',
      troubleshootingErrorDetails: null,
      additionalInformation: [],
    });
    expect(Date.now() - Date.parse(created.body.eventDateTime)).toBeLessThan(60_000);
    for (const [field, value] of [
      ['enrollmentType', 'byMagic'],
      ['failureCategory', ''],
      ['eventDateTime', 'yesterday'],
    ] as const) {
      const answer = await graph(PATH, { method: 'POST', body: JSON.stringify({ ...createRequest, [field]: value }) });
      expect(expectGraphError(answer, 400, 'BadRequest').error.message).toContain(field);
    }
    const nested = await graph(PATH, { method: 'POST', body: JSON.stringify({ additionalInformation: [{ value: 'no name' }] }) });
    expect(expectGraphError(nested, 400, 'BadRequest').error.message).toContain('additionalInformation.0.name');
  });

  it('refuses when switched (400), in Graph shape, and stores nothing', async () => {
    await fetch(`${h.emulator.url}/_emulator/graph/create-refusals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ collection: 'troubleshootingEvents', status: 400 }),
    });
    expectGraphError(await graph(PATH, { method: 'POST', body: JSON.stringify(createRequest) }), 400, 'BadRequest');
    const list = await graph<Collection<Event>>(PATH);
    expect(list.body.value).toHaveLength(GENERATED_EVENTS + 1);
  });
});

describe('GET troubleshootingEvents', () => {
  it('lists newest first, the document example last (2016), and a created event first', async () => {
    const list = await graph<Collection<Event>>(PATH);
    expect(list.body.value).toHaveLength(GENERATED_EVENTS + 1);
    expect(newest(list.body.value)).toEqual([...newest(list.body.value)].sort((a, b) => b - a));
    expect(list.body.value.at(-1)!.id).toBe(EXAMPLE_EVENT_ID);
    const created = await graph<Event>(PATH, { method: 'POST', body: JSON.stringify({ userId: 'u' }) });
    const after = await graph<Collection<Event>>(`${PATH}?$top=1`);
    expect(after.body.value[0]!.id).toBe(created.body.id);
  });

  it('filters by managedDeviceIdentifier, deviceId and userId, tied to the sample devices', async () => {
    const device = await h.api<{ intuneId: string | null; aadDeviceId: string; userUpn: string | null }>(
      `${h.tenantPath}/devices/${EXAMPLE_DEVICE}`,
    );
    const all = await graph<Collection<Event>>(PATH);
    const sample = all.body.value.find((e) => e.managedDeviceIdentifier !== null && e.id !== EXAMPLE_EVENT_ID)!;
    for (const field of ['managedDeviceIdentifier', 'deviceId', 'userId'] as const) {
      const value = sample[field]!;
      const filtered = await graph<Collection<Event>>(
        `${PATH}?$filter=${encodeURIComponent(`${field} eq '${value.replace(/'/g, "''")}'`)}`,
      );
      expect(filtered.status).toBe(200);
      expect(filtered.body.value.length).toBeGreaterThan(0);
      for (const e of filtered.body.value) expect(e[field]).toBe(value);
    }
    // Events point at real sample devices: some device of the tenant has the event's Entra id.
    expect(device.status).toBe(200);
    const devices = await h.api<Collection<{ aadDeviceId: string }>>(`${h.tenantPath}/devices?$top=500`);
    expect(devices.body.value.map((d) => d.aadDeviceId)).toContain(sample.deviceId);
  });

  it('pages through nextLink', async () => {
    const ids: string[] = [];
    let next: string | undefined = `${PATH}?$top=10`;
    while (next) {
      const page: { body: Collection<Event> } = await graph<Collection<Event>>(next);
      ids.push(...page.body.value.map((e) => e.id));
      next = page.body['@odata.nextLink']?.slice(h.emulator.graphBaseUrl.length);
    }
    expect(new Set(ids).size).toBe(GENERATED_EVENTS + 1);
  });

  it('gets by id; unknown id 404; no token 401; a Graph-scope token works', async () => {
    expect((await graph<Event>(`${PATH}/${EXAMPLE_EVENT_ID}`)).body).toMatchObject({ ...createResponse });
    expectGraphError(await graph(`${PATH}/00000000-0000-0000-0000-000000000000`), 404, 'NotFound');
    expectGraphError(await graph(PATH, { auth: null }), 401, 'InvalidAuthenticationToken');
    const graphToken = (await requestToken(h.emulator, { scope: 'https://graph.microsoft.com/.default' })).body.access_token as string;
    expect((await graph(PATH, { auth: `Bearer ${graphToken}` })).status).toBe(200);
  });

  it('answers an injected 503 in Graph shape', async () => {
    await fetch(`${h.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'GET', path: 'troubleshootingEvents', status: 503, times: 1 }),
    });
    expectGraphError(await graph(PATH), 503, 'ServiceUnavailable');
  });
});
