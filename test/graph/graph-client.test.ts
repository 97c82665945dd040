import { inspect } from 'node:util';
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { GraphApiError } from '../../src/graph/graph-api-error';
import { createGraphClient, GRAPH_SCOPE, type GraphClient } from '../../src/graph/graph-client';
import { createMsalTokenProvider } from '../../src/http/token-provider';

const ADMINS = '6f1c2a9e-0000-4000-8000-000000000001';
const OTHER_GROUP = '6f1c2a9e-0000-4000-8000-000000000002';

function client(emulator: RunningEmulator, overrides: { clientSecret?: string; timeoutMs?: number } = {}): GraphClient {
  const tokenProvider = createMsalTokenProvider({
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: overrides.clientSecret ?? emulator.clientSecret,
    scope: GRAPH_SCOPE,
    authorityHost: 'https://login.microsoftonline.com',
    tokenEndpoint: emulator.tokenEndpoint,
    timeoutMs: 5000,
  });
  return createGraphClient({
    baseUrl: emulator.graphBaseUrl,
    tokenProvider,
    timeoutMs: overrides.timeoutMs ?? 5000,
    sleep: async () => undefined,
  });
}

async function setDirectory(emulator: RunningEmulator, body: unknown): Promise<number> {
  const res = await fetch(`${emulator.url}/_emulator/graph/directory`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.status;
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

describe('Graph client against the emulator', () => {
  let emulator: RunningEmulator;
  let graph: GraphClient;

  beforeAll(async () => {
    emulator = await startEmulator();
    graph = client(emulator);
    expect(await setDirectory(emulator, { groups: { [ADMINS]: ['alice-id'], [OTHER_GROUP]: ['bob-id'] }, users: ['carol-id'] })).toBe(204);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  afterEach(() => emulator.faults.clear());

  it('answers the groups a user is a member of, among those asked', async () => {
    expect(await graph.users.checkMemberGroups('alice-id', [ADMINS, OTHER_GROUP])).toEqual([ADMINS]);
    expect(await graph.users.checkMemberGroups('ALICE-ID', [ADMINS.toUpperCase()])).toEqual([ADMINS.toUpperCase()]);
    expect(await graph.users.checkMemberGroups('bob-id', [ADMINS])).toEqual([]);
    expect(await graph.users.checkMemberGroups('carol-id', [ADMINS])).toEqual([]);
    const last = emulator.requestLog().at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/graph/v1.0/users/carol-id/checkMemberGroups', status: 200 });
  });

  it('throws a typed 404 for a user Graph does not know', async () => {
    const err = await failure(graph.users.checkMemberGroups('nobody', [ADMINS]));
    expect(err).toMatchObject({ status: 404, code: 'Request_ResourceNotFound', retryable: false, method: 'POST' });
    expect(err.serviceMessage).toMatch(/does not exist/);
  });

  it('retries a transient failure and then answers', async () => {
    emulator.faults.add({ path: '^/graph/', status: 503, times: 2 });
    expect(await graph.users.checkMemberGroups('alice-id', [ADMINS])).toEqual([ADMINS]);
  });

  it('gives up after the retries, and at once on a Retry-After too long to wait in a chat turn', async () => {
    emulator.faults.add({ path: '^/graph/', status: 503 });
    expect(await failure(graph.users.checkMemberGroups('alice-id', [ADMINS]))).toMatchObject({ status: 503, retryable: true });
    emulator.faults.clear();
    const before = emulator.requestLog().length;
    emulator.faults.add({ path: '^/graph/', status: 429, retryAfterSeconds: 120 });
    expect(await failure(graph.users.checkMemberGroups('alice-id', [ADMINS]))).toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(emulator.requestLog().length - before).toBe(1);
  });

  it('times out a Graph that does not answer', async () => {
    emulator.faults.add({ path: '^/graph/', latencyMs: 1000 });
    const slow = client(emulator, { timeoutMs: 100 });
    expect(await failure(slow.users.checkMemberGroups('alice-id', [ADMINS]))).toMatchObject({ code: 'timeout', status: 0 });
  });

  it('reports a refused token as token_error, without the secret', async () => {
    const secret = 'wrong-secret-value-123';
    const err = await failure(client(emulator, { clientSecret: secret }).users.checkMemberGroups('alice-id', [ADMINS]));
    expect(err.code).toBe('token_error');
    expect(JSON.stringify(err)).not.toContain(secret);
    expect(inspect(err)).not.toContain(secret);
    expect(err.message).not.toContain(secret);
  });

  it('rejects a malformed directory and a malformed check', async () => {
    expect(await setDirectory(emulator, { groups: 'x' })).toBe(400);
    const err = await failure(
      graph.users.checkMemberGroups(
        'alice-id',
        Array.from({ length: 21 }, (_, i) => `g${i}`),
      ),
    );
    expect(err).toMatchObject({ status: 400, code: 'Request_BadRequest' });
  });
});
