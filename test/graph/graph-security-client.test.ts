import { startEmulator } from '../../src/emulator/emulator';
import { EXAMPLE_EVENT_ID, EXAMPLE_INCIDENT_ID, GENERATED_EVENTS, GENERATED_INCIDENTS } from '../../src/emulator/graph/seed';
import type { RunningEmulator } from '../../src/emulator/types';
import { GraphApiError } from '../../src/graph/graph-api-error';
import { GRAPH_SCOPE } from '../../src/graph/graph-client';
import { createGraphSecurityClient, type GraphSecurityClient } from '../../src/graph/graph-security-client';
import { incidentFilter } from '../../src/graph/resources/incidents';
import { troubleshootingEventFilter } from '../../src/graph/resources/troubleshooting-events';
import { createMsalTokenProvider } from '../../src/http/token-provider';
import { incidentDetailCard } from '../../src/cards/incident-detail-card';
import { incidentListCard } from '../../src/cards/incident-list-card';
import { troubleshootingEventDetailCard } from '../../src/cards/troubleshooting-event-detail-card';
import { troubleshootingEventListCard } from '../../src/cards/troubleshooting-event-list-card';
import { expectCleanCard } from '../cards/card-checks';

/** Waits the client asked for, in ms (sleep is recorded, not slept). */
const sleeps: number[] = [];

function client(emulator: RunningEmulator): GraphSecurityClient {
  const tokenProvider = createMsalTokenProvider({
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    scope: GRAPH_SCOPE,
    authorityHost: 'https://login.microsoftonline.com',
    tokenEndpoint: emulator.tokenEndpoint,
    timeoutMs: 5000,
  });
  return createGraphSecurityClient({
    baseUrl: emulator.graphBaseUrl,
    tokenProvider,
    timeoutMs: 5000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

async function failure(promise: Promise<unknown>): Promise<GraphApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof GraphApiError) return err;
    throw err;
  }
  throw new Error('expected a GraphApiError');
}

async function refuse(emulator: RunningEmulator, collection: string, status: number | null): Promise<void> {
  await fetch(`${emulator.url}/_emulator/graph/create-refusals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ collection, status }),
  });
}

describe('Graph incidents and troubleshooting events against the emulator', () => {
  let emulator: RunningEmulator;
  let graph: GraphSecurityClient;

  beforeAll(async () => {
    emulator = await startEmulator();
    graph = client(emulator);
  });
  afterAll(() => emulator?.close());
  afterEach(() => emulator.faults.clear());

  it('builds filters from escaped literals', () => {
    expect(incidentFilter({ statuses: ['active', 'resolved'], severities: ["high' or 1 eq 1"] })).toBe(
      "(status eq 'active' or status eq 'resolved') and severity eq 'high'' or 1 eq 1'",
    );
    expect(troubleshootingEventFilter({ managedDeviceIdentifier: 'a', deviceId: 'b', userId: "o'brien" })).toBe(
      "(managedDeviceIdentifier eq 'a' or deviceId eq 'b') and userId eq 'o''brien'",
    );
    expect(troubleshootingEventFilter({})).toBeUndefined();
  });

  it('lists incidents newest first with filters, and walks every page through nextLink', async () => {
    const first = await graph.incidents.list({ top: 4 });
    expect(first.items).toHaveLength(4);
    expect(first.hasMore).toBe(true);
    const ids = first.items.map((i) => i.id);
    let page = first;
    while (page.nextLink) {
      page = await graph.incidents.list({ top: 4, nextLink: page.nextLink });
      ids.push(...page.items.map((i) => i.id));
    }
    expect(new Set(ids).size).toBe(GENERATED_INCIDENTS + 1);
    const active = await graph.incidents.list({ statuses: ['active'], severities: ['high', 'medium'], top: 50 });
    expect(active.items.length).toBeGreaterThan(0);
    for (const i of active.items) {
      expect(i.status).toBe('active');
      expect(['high', 'medium']).toContain(i.severity);
    }
    // A hostile value is a literal: it matches nothing, it does not widen the filter.
    expect((await graph.incidents.list({ statuses: ["active' or status ne 'x"] })).items).toEqual([]);
  });

  it('gets the document example with its placeholders kept, and null for an unknown id', async () => {
    expect(await graph.incidents.get(EXAMPLE_INCIDENT_ID)).toMatchObject({ id: EXAMPLE_INCIDENT_ID, status: 'String', tags: ['String'] });
    expect(await graph.incidents.get('no-such-incident')).toBeNull();
  });

  it('creates (beta) and updates (v1.0) an incident', async () => {
    const created = await graph.incidents.create({
      displayName: 'Ransomware on MMD-00004',
      severity: 'high',
      tags: ['MMD'],
      comment: 'Isolated',
    });
    expect(created).toMatchObject({ displayName: 'Ransomware on MMD-00004', severity: 'high', status: 'active', tags: ['MMD'] });
    const updated = await graph.incidents.update(created.id, {
      status: 'resolved',
      classification: 'truePositive',
      determination: 'malware',
      assignedTo: 'adele@contoso.com',
    });
    expect(updated).toMatchObject({
      status: 'resolved',
      classification: 'truePositive',
      determination: 'malware',
      assignedTo: 'adele@contoso.com',
    });
    expect((await graph.incidents.get(created.id))?.status).toBe('resolved');
  });

  it('reports a refused create with the service’s status and words, and does not retry it', async () => {
    await refuse(emulator, 'incidents', 403);
    try {
      const before = emulator.requestLog().length;
      const error = await failure(graph.incidents.create({ displayName: 'x', severity: 'low' }));
      expect(error.status).toBe(403);
      expect(error.serviceMessage).toContain('Insufficient privileges');
      expect(emulator.requestLog().length - before).toBe(1);
    } finally {
      await refuse(emulator, 'incidents', null);
    }
    await refuse(emulator, 'incidents', 405);
    try {
      expect((await failure(graph.incidents.create({ displayName: 'x', severity: 'low' }))).status).toBe(405);
    } finally {
      await refuse(emulator, 'incidents', null);
    }
  });

  it('retries a 429 honouring Retry-After, then succeeds', async () => {
    emulator.faults.add({ method: 'GET', path: '^/graph/v1\\.0/security/incidents$', status: 429, retryAfterSeconds: 1, times: 1 });
    const before = emulator.requestLog().length;
    sleeps.length = 0;
    const page = await graph.incidents.list({ top: 2 });
    expect(sleeps).toEqual([1000]);
    expect(page.items).toHaveLength(2);
    const log = emulator.requestLog().slice(before);
    expect(log.map((e) => e.status)).toEqual([429, 200]);
  });

  it('an invalid enum sent by PATCH comes back as a 400 with Graph’s message', async () => {
    const error = await failure(graph.incidents.update(EXAMPLE_INCIDENT_ID, { status: 'closed' as never }));
    expect(error.status).toBe(400);
    expect(error.serviceMessage).toContain("property 'status'");
  });

  it('reports, lists (newest first, by device or user) and gets troubleshooting events', async () => {
    const created = await graph.troubleshootingEvents.create({
      enrollmentType: 'windowsAzureADJoin',
      failureCategory: 'authorization',
      failureReason: 'No licence',
      managedDeviceIdentifier: 'intune-test-1',
      deviceId: 'entra-test-1',
      userId: "o'brien@contoso.com",
      context: 'Autopilot',
      additionalInformation: [{ name: 'Ring', value: 'Fast' }],
    });
    expect(created).toMatchObject({
      failureReason: 'No licence',
      troubleshootingErrorDetails: { context: 'Autopilot' },
      additionalInformation: [{ name: 'Ring', value: 'Fast' }],
    });
    const all = await graph.troubleshootingEvents.list({ top: 100 });
    expect(all.items).toHaveLength(GENERATED_EVENTS + 2);
    expect(all.items[0]!.id).toBe(created.id);
    expect(all.items.at(-1)!.id).toBe(EXAMPLE_EVENT_ID);
    expect((await graph.troubleshootingEvents.list({ deviceId: 'entra-test-1' })).items.map((e) => e.id)).toEqual([created.id]);
    expect(
      (await graph.troubleshootingEvents.list({ managedDeviceIdentifier: 'intune-test-1', deviceId: 'other' })).items.map((e) => e.id),
    ).toEqual([created.id]);
    expect((await graph.troubleshootingEvents.list({ userId: "o'brien@contoso.com" })).items.map((e) => e.id)).toEqual([created.id]);
    expect(await graph.troubleshootingEvents.get(created.id)).toMatchObject({ id: created.id });
    expect(await graph.troubleshootingEvents.get('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('renders what the emulator serves as clean cards (every seeded incident and event)', async () => {
    const now = new Date();
    // Pages of ten, as the bot shows them (PAGE_SIZE); every seeded item on one of them.
    for (let skip = 0; skip < 50; skip += 10) {
      const incidents = await graph.incidents.list({ top: 10, skip });
      expectCleanCard(incidentListCard({ page: incidents, filters: { statuses: [], severities: [] }, now }));
      for (const incident of incidents.items)
        expectCleanCard(incidentDetailCard({ incident, formId: '6f1c2a9e-0000-4000-8000-000000000009', now }));
      const events = await graph.troubleshootingEvents.list({ top: 10, skip });
      expectCleanCard(troubleshootingEventListCard({ page: events, scope: {}, now }));
      for (const event of events.items) expectCleanCard(troubleshootingEventDetailCard({ event, now }));
    }
  });
});
