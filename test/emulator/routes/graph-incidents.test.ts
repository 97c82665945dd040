import createRequest from '../../fixtures/api-docs/graph/create-incident.request.json';
import createResponse from '../../fixtures/api-docs/graph/create-incident.response.json';
import { EXAMPLE_INCIDENT_ID, GENERATED_INCIDENTS } from '../../../src/emulator/graph/seed';
import { startHarness, type Collection, type Harness } from '../emulator-harness';
import { expectGraphError, graphApi } from '../graph-api';

type Incident = Record<string, unknown> & {
  id: string;
  status: string;
  severity: string;
  createdDateTime: string;
  lastUpdateDateTime: string;
  displayName: string;
};

/** The document's example with its type placeholders ("String") replaced by values of those types. */
const typedExample = {
  ...createRequest,
  lastUpdateDateTime: '2026-01-01T00:00:00Z',
  classification: 'truePositive',
  determination: 'malware',
  status: 'active',
  severity: 'high',
};

let h: Harness;
let graph: ReturnType<typeof graphApi>;
beforeEach(async () => {
  h = await startHarness();
  graph = graphApi(h);
});
afterEach(() => h.close());

describe('POST /beta/security/incidents', () => {
  it('creates the documented example (placeholders typed): 201 with every property of the documented response', async () => {
    const created = await graph<Incident>('/beta/security/incidents', { method: 'POST', body: JSON.stringify(typedExample) });
    expect(created.status).toBe(201);
    expect(
      Object.keys(created.body)
        .filter((k) => k !== '@odata.context')
        .sort(),
    ).toEqual(Object.keys(createResponse).sort());
    expect(created.body).toMatchObject({
      '@odata.type': '#microsoft.graph.incident',
      incidentWebUrl: 'String',
      redirectIncidentId: 'String',
      displayName: 'String',
      assignedTo: 'String',
      classification: 'truePositive',
      determination: 'malware',
      status: 'active',
      severity: 'high',
      tags: ['String'],
      comments: [{ '@odata.type': 'microsoft.graph.m365AlertComment' }],
    });
    // Server-owned times: the example's lastUpdateDateTime is ignored.
    expect(Date.parse(created.body.createdDateTime)).not.toBeNaN();
    expect(created.body.lastUpdateDateTime).toBe(created.body.createdDateTime);
    expect(created.body['@odata.context']).toMatch(/\/graph\/beta\/\$metadata#security\/incidents\/\$entity$/);

    const byId = await graph<Incident>(`/v1.0/security/incidents/${created.body.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.displayName).toBe('String');
    const list = await graph<Collection<Incident>>('/v1.0/security/incidents?$top=1');
    expect(list.body.value[0]!.id).toBe(created.body.id);
  });

  it('answers the literal example (enum placeholders "String") with the documented 400 naming the property', async () => {
    const answer = await graph('/beta/security/incidents', { method: 'POST', body: JSON.stringify(createRequest) });
    const body = expectGraphError(answer, 400, 'BadRequest');
    expect(body.error.message).toMatch(/'String' for property 'classification'/);
  });

  it('defaults what is left out and requires a display name', async () => {
    const created = await graph<Incident>('/beta/security/incidents', {
      method: 'POST',
      body: JSON.stringify({ displayName: 'Suspicious sign-in' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'active',
      severity: 'unknown',
      classification: 'unknown',
      determination: 'unknown',
      tags: [],
      comments: [],
      assignedTo: null,
    });
    expectGraphError(
      await graph('/beta/security/incidents', { method: 'POST', body: JSON.stringify({ severity: 'high' }) }),
      400,
      'BadRequest',
    );
    const unknown = await graph('/beta/security/incidents', { method: 'POST', body: JSON.stringify({ displayName: 'x', colour: 'red' }) });
    expect(expectGraphError(unknown, 400, 'BadRequest').error.message).toMatch(/colour/);
    expectGraphError(await graph('/beta/security/incidents', { method: 'POST', body: '[]' }), 400, 'BadRequest');
  });

  it('is beta only: v1.0 answers 405 in Graph shape', async () => {
    expectGraphError(
      await graph('/v1.0/security/incidents', { method: 'POST', body: JSON.stringify({ displayName: 'x' }) }),
      405,
      'MethodNotAllowed',
    );
  });

  it('refuses like a real tenant when switched (403), echoing client-request-id, and changes nothing', async () => {
    const before = await graph<Collection<Incident>>('/v1.0/security/incidents?$top=1');
    const set = await fetch(`${h.emulator.url}/_emulator/graph/create-refusals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ collection: 'incidents', status: 403 }),
    });
    expect(set.status).toBe(204);
    const refused = await graph('/beta/security/incidents', {
      method: 'POST',
      body: JSON.stringify({ displayName: 'x' }),
      headers: { 'client-request-id': 'abc-123' },
    });
    const body = expectGraphError(refused, 403, 'Forbidden');
    expect(body.error.innerError['client-request-id']).toBe('abc-123');
    const after = await graph<Collection<Incident>>('/v1.0/security/incidents?$top=1');
    expect(after.body.value[0]!.id).toBe(before.body.value[0]!.id);
  });

  it('starts refusing with the graphCreateRefusals option (405), and reset keeps it', async () => {
    await h.close();
    h = await startHarness({ graphCreateRefusals: { incidents: 405 } });
    graph = graphApi(h);
    expectGraphError(
      await graph('/beta/security/incidents', { method: 'POST', body: JSON.stringify({ displayName: 'x' }) }),
      405,
      'MethodNotAllowed',
    );
    await fetch(`${h.emulator.url}/_emulator/reset`, { method: 'POST' });
    expectGraphError(
      await graph('/beta/security/incidents', { method: 'POST', body: JSON.stringify({ displayName: 'x' }) }),
      405,
      'MethodNotAllowed',
    );
  });
});

describe('GET /security/incidents', () => {
  it('lists the seed newest first on v1.0 and beta, the document example included', async () => {
    for (const version of ['v1.0', 'beta']) {
      const list = await graph<Collection<Incident>>(`/${version}/security/incidents`);
      expect(list.status).toBe(200);
      expect(list.body['@odata.context']).toMatch(new RegExp(`/graph/${version.replace('.', '\\.')}/\\$metadata#security/incidents$`));
      expect(list.body.value).toHaveLength(GENERATED_INCIDENTS + 1);
      const times = list.body.value.map((i) => Date.parse(i.createdDateTime));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(list.body.value.map((i) => i.id)).toContain(EXAMPLE_INCIDENT_ID);
    }
  });

  it('pages with $top and follows @odata.nextLink to the end without repeats', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${h.emulator.graphBaseUrl}/v1.0/security/incidents?$top=4&$filter=status%20ne%20'redirected'`;
    let pages = 0;
    while (next) {
      const page: { status: number; body: Collection<Incident> } = await graph<Collection<Incident>>(
        next.slice(h.emulator.graphBaseUrl.length),
      );
      expect(page.status).toBe(200);
      expect(page.body.value.length).toBeLessThanOrEqual(4);
      seen.push(...page.body.value.map((i) => i.id));
      next = page.body['@odata.nextLink'];
      if (next) expect(next).toContain('%24filter=status');
      pages++;
    }
    expect(pages).toBe(Math.ceil((GENERATED_INCIDENTS + 1) / 4));
    expect(new Set(seen).size).toBe(GENERATED_INCIDENTS + 1);
  });

  it('filters on status and severity and orders with $orderby', async () => {
    const active = await graph<Collection<Incident>>(
      `/v1.0/security/incidents?$filter=${encodeURIComponent("status eq 'active' and severity eq 'high'")}`,
    );
    expect(active.body.value.length).toBeGreaterThan(0);
    for (const i of active.body.value) expect(i).toMatchObject({ status: 'active', severity: 'high' });
    const resolved = await graph<Collection<Incident>>(`/v1.0/security/incidents?$filter=${encodeURIComponent("status eq 'resolved'")}`);
    expect(resolved.body.value.length).toBeGreaterThan(0);
    for (const i of resolved.body.value) expect(i.status).toBe('resolved');
    const asc = await graph<Collection<Incident>>('/v1.0/security/incidents?$orderby=createdDateTime%20asc');
    const times = asc.body.value.map((i) => Date.parse(i.createdDateTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('answers a bad $filter, $orderby or $top with Graph 400', async () => {
    expectGraphError(await graph('/v1.0/security/incidents?$filter=colour%20eq%20%27red%27'), 400, 'BadRequest');
    expectGraphError(await graph('/v1.0/security/incidents?$orderby=colour'), 400, 'BadRequest');
    expectGraphError(await graph('/v1.0/security/incidents?$top=-1'), 400, 'BadRequest');
  });

  it('gets one by id; an unknown id is the documented 404', async () => {
    const one = await graph<Incident>(`/beta/security/incidents/${EXAMPLE_INCIDENT_ID}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ ...createResponse, createdDateTime: expect.any(String), lastUpdateDateTime: expect.any(String) });
    expect(expectGraphError(await graph('/v1.0/security/incidents/nope'), 404, 'NotFound').error.message).toMatch(/nope/);
  });

  it('needs a bearer token: 401 in Graph shape, never echoing the token', async () => {
    expectGraphError(await graph('/v1.0/security/incidents', { auth: null }), 401, 'InvalidAuthenticationToken');
    const bad = await graph('/v1.0/security/incidents', { auth: 'Bearer forged-token-value' });
    expectGraphError(bad, 401, 'InvalidAuthenticationToken');
    expect(JSON.stringify(bad.body)).not.toContain('forged-token-value');
  });
});

describe('PATCH /security/incidents/{id}', () => {
  it('updates status, assignment, classification and determination, and bumps lastUpdateDateTime', async () => {
    const created = await graph<Incident>('/beta/security/incidents', {
      method: 'POST',
      body: JSON.stringify({ displayName: 'To triage' }),
    });
    const patch = {
      status: 'resolved',
      assignedTo: 'adele.vance@contoso.onmicrosoft.com',
      classification: 'truePositive',
      determination: 'phishing',
    };
    const updated = await graph<Incident>(`/v1.0/security/incidents/${created.body.id}`, { method: 'PATCH', body: JSON.stringify(patch) });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ ...patch, displayName: 'To triage' });
    expect(Date.parse(updated.body.lastUpdateDateTime)).toBeGreaterThanOrEqual(Date.parse(created.body.lastUpdateDateTime));
    const again = await graph<Incident>(`/beta/security/incidents/${created.body.id}`);
    expect(again.body).toMatchObject(patch);
    const unassigned = await graph<Incident>(`/v1.0/security/incidents/${created.body.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ assignedTo: null }),
    });
    expect(unassigned.body.assignedTo).toBeNull();
  });

  it('refuses an invalid enum with the documented 400 and changes nothing', async () => {
    const before = await graph<Incident>(`/v1.0/security/incidents/${EXAMPLE_INCIDENT_ID}`);
    for (const bad of [{ status: 'closed' }, { classification: 'maybe' }, { determination: 'aliens' }, { severity: 'critical' }]) {
      const answer = await graph(`/v1.0/security/incidents/${EXAMPLE_INCIDENT_ID}`, {
        method: 'PATCH',
        body: JSON.stringify({ assignedTo: 'x', ...bad }),
      });
      const body = expectGraphError(answer, 400, 'BadRequest');
      expect(body.error.message).toContain(`property '${Object.keys(bad)[0]!}'`);
    }
    expectGraphError(
      await graph(`/v1.0/security/incidents/${EXAMPLE_INCIDENT_ID}`, { method: 'PATCH', body: JSON.stringify({ id: 'x' }) }),
      400,
      'BadRequest',
    );
    expectGraphError(await graph(`/v1.0/security/incidents/${EXAMPLE_INCIDENT_ID}`, { method: 'PATCH', body: '{}' }), 400, 'BadRequest');
    const after = await graph<Incident>(`/v1.0/security/incidents/${EXAMPLE_INCIDENT_ID}`);
    expect(after.body).toEqual(before.body);
  });

  it('answers 404 for an unknown id', async () => {
    expectGraphError(
      await graph('/v1.0/security/incidents/99999', { method: 'PATCH', body: JSON.stringify({ status: 'resolved' }) }),
      404,
      'NotFound',
    );
  });
});

describe('unknown Graph routes', () => {
  it('answer in Graph shape: 404 for an unknown segment, 405 for a method the route lacks', async () => {
    expectGraphError(await graph('/v1.0/security/nothing'), 404, 'NotFound');
    expectGraphError(await graph(`/v1.0/security/incidents/${EXAMPLE_INCIDENT_ID}`, { method: 'DELETE' }), 405, 'MethodNotAllowed');
  });
});

describe('faults on the Graph routes', () => {
  it('answers an injected 429 in Graph shape with Retry-After, then serves again', async () => {
    await fetch(`${h.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '^/graph/v1\\.0/security/incidents$', status: 429, retryAfterSeconds: 2, times: 1 }),
    });
    const limited = await graph('/v1.0/security/incidents');
    expectGraphError(limited, 429, 'TooManyRequests');
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await graph('/v1.0/security/incidents')).status).toBe(200);
  });
});
