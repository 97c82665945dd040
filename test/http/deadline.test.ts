import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { GraphApiError } from '../../src/graph/graph-api-error';
import { createGraphClient, GRAPH_SCOPE } from '../../src/graph/graph-client';
import { ApiError } from '../../src/http/api-error';
import { remainingMs, withDeadline } from '../../src/http/deadline';
import { createMsalCredentials } from '../../src/http/token-provider';
import { createMmdClient } from '../../src/mmd/create-client';
import { MmdApiError } from '../../src/mmd/mmd-api-error';
import type { MmdClient } from '../../src/mmd/mmd-client';
import type { NewTicket } from '../../src/mmd/types';

/**
 * Issue 8 item 4: the caller's deadline (an invoke gets 4.5 s) bounds every call, retries and
 * Retry-After waits included, against the emulator's injected faults on loopback. Asserted by
 * outcome (error code, attempts the emulator saw), with only a generous bound on elapsed time.
 */

jest.setTimeout(20_000);

// A turn's deadline is 4.5 s (invoke) or 12 s (message); the rules do not depend on its length,
// so a shorter one proves them faster.
const DEADLINE_MS = 1500;
/** Far above the deadline, far below what the faults would cost without one (20 s and more). */
const GENEROUS_MS = 12_000;
const DEVICES = '/tenants/[^/]+/devices';
const TICKETS = '/support/odata/v1/tickets$';

let emulator: RunningEmulator;
let mmd: MmdClient;
let waits: number[];
const credentials = () =>
  createMsalCredentials({
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    authorityHost: 'https://login.microsoftonline.com',
    tokenEndpoint: emulator.tokenEndpoint,
    timeoutMs: 5000,
  });

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, tickets: 3 });
  const recordAndSleep = (ms: number) => {
    waits.push(ms);
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  mmd = createMmdClient({
    baseUrl: emulator.mmdBaseUrl,
    tenantId: emulator.tenantId,
    tokenProvider: credentials().forScope('api://mmd/.default'),
    sleep: recordAndSleep,
    random: () => 0.5,
  });
  await mmd.devices.list({ top: 1 }); // token cached: the faults below meet the API calls only
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  waits = [];
});

const newTicket: NewTicket = {
  title: 'Deadline test',
  description: 'x',
  type: 'RequestForInformation',
  category: 'Devices',
  subcategory: 'Hardware',
  severity: 4,
  contact: { givenName: 'J', surname: 'D', email: 'jd@contoso.com', phoneNumber: '1' },
};

async function rejection<E extends ApiError>(
  promise: Promise<unknown>,
  kind: new (...args: never[]) => E,
): Promise<{ error: E; elapsedMs: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (error) {
    if (error instanceof kind) return { error, elapsedMs: Date.now() - started };
    throw error;
  }
  throw new Error('expected the call to fail');
}

const COUNTDOWN = 1000;

/**
 * Attempts that reached the emulator under a fault added with `times: COUNTDOWN` (counted on
 * arrival, so a hung attempt counts too), now and again a little later: nothing may follow.
 */
async function attemptsAfterSettling(): Promise<{ now: number; later: number }> {
  const count = () => COUNTDOWN - (emulator.faults.list()[0]?.times ?? COUNTDOWN);
  const now = count();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { now, later: count() };
}

describe('withDeadline', () => {
  it('knows its remaining time and aborts as a TimeoutError', async () => {
    const signal = withDeadline(50);
    expect(remainingMs(signal)).toBeGreaterThan(0);
    expect(remainingMs(signal)).toBeLessThanOrEqual(50);
    expect(remainingMs(new AbortController().signal)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).name).toBe('TimeoutError');
    expect(remainingMs(signal)).toBe(0);
  });

  it('keeps the earlier deadline of a parent', () => {
    const parent = withDeadline(1000);
    expect(remainingMs(withDeadline(60_000, parent))).toBeLessThanOrEqual(1000);
  });
});

describe('a 4.5 s deadline against a failing MMD', () => {
  it('does not wait for Retry-After: 20 on 429; fails at once as deadline, one attempt', async () => {
    emulator.faults.add({ path: DEVICES, status: 429, retryAfterSeconds: 20, times: COUNTDOWN });
    const { error, elapsedMs } = await rejection(mmd.devices.list({ top: 1 }, { signal: withDeadline(DEADLINE_MS) }), MmdApiError);
    expect(error).toMatchObject({
      code: 'deadline',
      status: 429,
      retryable: true,
      serviceMessage: 'The MMD service did not answer in time.',
    });
    expect(error.message).toContain('did not answer in time');
    expect(waits).toEqual([]);
    expect(await attemptsAfterSettling()).toEqual({ now: 1, later: 1 });
    expect(elapsedMs).toBeLessThan(GENEROUS_MS);
  });

  it('cuts a hanging service at the deadline, not after 4 × 10 s', async () => {
    emulator.faults.add({ path: DEVICES, latencyMs: 30_000, times: COUNTDOWN });
    const { error, elapsedMs } = await rejection(mmd.devices.get('anything', { signal: withDeadline(DEADLINE_MS) }), MmdApiError);
    expect(error).toMatchObject({ code: 'deadline', status: 0 });
    expect(await attemptsAfterSettling()).toEqual({ now: 1, later: 1 });
    expect(elapsedMs).toBeLessThan(GENEROUS_MS);
  });

  it('retries slow failures while time is left, then stops with no attempt after the deadline', async () => {
    emulator.faults.add({ path: DEVICES, latencyMs: 400, status: 503, times: COUNTDOWN });
    const { error, elapsedMs } = await rejection(mmd.devices.list({ top: 1 }, { signal: withDeadline(DEADLINE_MS) }), MmdApiError);
    expect(error.code).toBe('deadline');
    const attempts = await attemptsAfterSettling();
    // 0.4 s + 0.25 s + 0.4 s + 0.5 s + (cut): two attempts fit in 1.5 s (three on a fast clock), then nothing.
    expect(attempts.now).toBeGreaterThanOrEqual(2);
    expect(attempts.now).toBeLessThanOrEqual(3);
    expect(attempts.later).toBe(attempts.now);
    expect(elapsedMs).toBeLessThan(GENEROUS_MS);
  });
});

describe('writes under a deadline are never duplicated', () => {
  it('a create throttled with Retry-After: 20 is not repeated: a 429 is no proof that nothing was made', async () => {
    const count = async () => (await mmd.tickets.list({ top: 500 })).items.length;
    const tickets = await count();
    emulator.faults.add({ method: 'POST', path: TICKETS, status: 429, retryAfterSeconds: 20, times: COUNTDOWN });
    const { error } = await rejection(mmd.tickets.create(newTicket, { signal: withDeadline(DEADLINE_MS) }), MmdApiError);
    // Status 429 kept, but outcome unknown: a gateway may throttle after the service acted (issue 20).
    expect(error).toMatchObject({ code: 'outcome_unknown', status: 429 });
    expect(await attemptsAfterSettling()).toEqual({ now: 1, later: 1 });
    emulator.faults.clear();
    expect(await count()).toBe(tickets);
  });

  it('a create cut by the deadline while in flight is outcome_unknown, sent once', async () => {
    emulator.faults.add({ method: 'POST', path: TICKETS, latencyMs: 30_000, times: COUNTDOWN });
    const { error } = await rejection(mmd.tickets.create(newTicket, { signal: withDeadline(DEADLINE_MS) }), MmdApiError);
    expect(error.code).toBe('outcome_unknown');
    expect(error.message).toContain('the ticket may or may not have been created');
    expect(await attemptsAfterSettling()).toEqual({ now: 1, later: 1 });
  });
});

describe('Graph under a deadline', () => {
  it('stops a hanging checkMemberGroups at the deadline with a GraphApiError', async () => {
    const graph = createGraphClient({
      baseUrl: emulator.graphBaseUrl,
      tokenProvider: credentials().forScope(GRAPH_SCOPE),
      timeoutMs: 10_000,
    });
    await graph.users.checkMemberGroups('nobody-yet', ['g']).catch(() => undefined); // token cached
    emulator.faults.add({ path: '^/graph/', latencyMs: 30_000, times: COUNTDOWN });
    const { error, elapsedMs } = await rejection(
      graph.users.checkMemberGroups('alice-id', ['g'], { signal: withDeadline(DEADLINE_MS) }),
      GraphApiError,
    );
    expect(error).toMatchObject({ code: 'deadline', status: 0 });
    expect(await attemptsAfterSettling()).toEqual({ now: 1, later: 1 });
    expect(elapsedMs).toBeLessThan(GENEROUS_MS);
  });
});

describe('a stop during a retry wait', () => {
  it('ends the Retry-After wait at once: the call fails as deadline and no attempt follows', async () => {
    // The client's own sleep, not the recording one: the wait itself must end on the abort.
    const client = createMmdClient({
      baseUrl: emulator.mmdBaseUrl,
      tenantId: emulator.tenantId,
      tokenProvider: credentials().forScope('api://mmd/.default'),
    });
    await client.devices.list({ top: 1 });
    emulator.faults.add({ path: DEVICES, status: 503, retryAfterSeconds: 20, times: COUNTDOWN });
    const stopping = new AbortController();
    const call = rejection(client.devices.list({ top: 1 }, { signal: stopping.signal }), MmdApiError);
    while (emulator.faults.list()[0]!.times === COUNTDOWN) await new Promise((resolve) => setTimeout(resolve, 10));
    stopping.abort();
    const { error, elapsedMs } = await call;
    expect(error).toMatchObject({ code: 'deadline', status: 503 });
    expect(elapsedMs).toBeLessThan(GENEROUS_MS);
    expect(await attemptsAfterSettling()).toEqual({ now: 1, later: 1 });
  });
});
