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
 * The caller's deadline (an invoke gets 4.5 s) bounds every call, retries and Retry-After waits
 * included, against the emulator's injected faults on loopback. Time is a fake clock (jest's
 * fake Date and timers: the deadline, the emulator's latency, the retry waits), moved forward
 * in small steps while ticks, immediates and socket I/O stay real. So the times asserted are
 * exact, and "nothing follows" is checked over a whole minute of clock in a fraction of a second.
 */

// A turn's deadline is 4.5 s (invoke) or 12 s (message); the rules do not depend on its length.
const DEADLINE_MS = 1500;
/** A clock step: the faults' latencies and the back-off waits are multiples of it. */
const STEP_MS = 10;
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
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
});
afterEach(() => {
  jest.useRealTimers();
});

/** Lets loopback I/O run: a request or an answer crosses the socket in a few loop turns. */
async function ioTurns(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Moves the fake clock forward by `ms` in steps, with I/O between them; stops early once `done()`. */
async function elapse(ms: number, done: () => boolean = () => false, step = STEP_MS): Promise<void> {
  await ioTurns();
  for (let passed = 0; passed < ms && !done(); passed += step) {
    await jest.advanceTimersByTimeAsync(step);
    await ioTurns();
  }
}

const newTicket: NewTicket = {
  title: 'Deadline test',
  description: 'x',
  type: 'RequestForInformation',
  category: 'Devices',
  subcategory: 'Hardware',
  severity: 4,
  contact: { givenName: 'J', surname: 'D', email: 'jd@contoso.com', phoneNumber: '1' },
};

/**
 * Runs the clock until `promise` settles (at most a minute of it) and returns its error and
 * the clock time it took.
 */
async function rejection<E extends ApiError>(
  promise: Promise<unknown>,
  kind: new (...args: never[]) => E,
): Promise<{ error: E; elapsedMs: number }> {
  const started = Date.now();
  let settled = false;
  const outcome = promise.then(
    () => ({ error: undefined }),
    (error: unknown) => ({ error }),
  );
  void outcome.then(() => (settled = true));
  await elapse(60_000, () => settled);
  const { error } = await outcome;
  if (error instanceof kind) return { error, elapsedMs: Date.now() - started };
  throw error instanceof Error ? error : new Error(`expected the call to fail with ${kind.name}`);
}

const COUNTDOWN = 1000;

/**
 * Attempts that reached the emulator under a fault added with `times: COUNTDOWN` (counted on
 * arrival, so a hung attempt counts too), now and a minute of clock later: nothing may follow.
 */
async function attemptsAfterSettling(): Promise<{ now: number; later: number }> {
  const count = () => COUNTDOWN - (emulator.faults.list()[0]?.times ?? COUNTDOWN);
  const now = count();
  await elapse(60_000, () => false, 100);
  return { now, later: count() };
}

describe('withDeadline', () => {
  it('knows its remaining time and aborts as a TimeoutError', async () => {
    const signal = withDeadline(50);
    expect(remainingMs(signal)).toBe(50);
    expect(remainingMs(new AbortController().signal)).toBeUndefined();
    await jest.advanceTimersByTimeAsync(30);
    expect([remainingMs(signal), signal.aborted]).toEqual([20, false]);
    await jest.advanceTimersByTimeAsync(20);
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
    // At once: no clock passes beyond the exchange itself (the wait would be 20 s).
    expect(elapsedMs).toBeLessThan(100);
  });

  it('cuts a hanging service at the deadline, not after 4 × 10 s', async () => {
    emulator.faults.add({ path: DEVICES, latencyMs: 30_000, times: COUNTDOWN });
    const { error, elapsedMs } = await rejection(mmd.devices.get('anything', { signal: withDeadline(DEADLINE_MS) }), MmdApiError);
    expect(error).toMatchObject({ code: 'deadline', status: 0 });
    expect(await attemptsAfterSettling()).toEqual({ now: 1, later: 1 });
    expect(elapsedMs - DEADLINE_MS).toBeGreaterThanOrEqual(0);
    expect(elapsedMs - DEADLINE_MS).toBeLessThanOrEqual(STEP_MS);
  });

  it('retries slow failures while time is left, then stops with no attempt after the deadline', async () => {
    emulator.faults.add({ path: DEVICES, latencyMs: 400, status: 503, times: COUNTDOWN });
    const { error, elapsedMs } = await rejection(mmd.devices.list({ top: 1 }, { signal: withDeadline(DEADLINE_MS) }), MmdApiError);
    expect(error.code).toBe('deadline');
    const attempts = await attemptsAfterSettling();
    // 0.4 s answer + 0.25 s wait + 0.4 s answer; the next wait (0.5 s) would pass 1.5 s: two attempts.
    expect(attempts).toEqual({ now: 2, later: 2 });
    // Stopped before the deadline: the wait it would start next ends after it.
    expect(elapsedMs).toBeGreaterThanOrEqual(400 + 250 + 400);
    expect(elapsedMs).toBeLessThan(DEADLINE_MS);
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
    expect(elapsedMs - DEADLINE_MS).toBeGreaterThanOrEqual(0);
    expect(elapsedMs - DEADLINE_MS).toBeLessThanOrEqual(STEP_MS);
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
    const call = client.devices.list({ top: 1 }, { signal: stopping.signal });
    // The 503 is answered and the client waits out its Retry-After when the stop comes.
    await elapse(1000);
    stopping.abort();
    const { error, elapsedMs } = await rejection(call, MmdApiError);
    expect(error).toMatchObject({ code: 'deadline', status: 503 });
    expect(elapsedMs).toBeLessThan(100);
    expect(await attemptsAfterSettling()).toEqual({ now: 1, later: 1 });
  });
});
