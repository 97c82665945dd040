import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { FormStorageError, LANDING_MS, provesNothingDone, runOnce, type OnceRequest } from '../../src/state/form-claim';
import { MmdApiError } from '../../src/mmd/mmd-api-error';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { newFormId } from '../../src/state/form-id';

const apiError = (status: number, code = String(status), extra: Partial<ConstructorParameters<typeof MmdApiError>[0]> = {}) =>
  new MmdApiError({ status, code, serviceMessage: 'x', method: 'POST', path: 'tickets', retryable: false, ...extra });

describe('runOnce', () => {
  let storage: MemoryStorage;
  let now: Date;
  const request = (formId: string, overrides: Partial<OnceRequest<{ id: string }>> = {}): OnceRequest<{ id: string }> => ({
    storage,
    formId,
    verb: 'ticket.create',
    by: 'user-1',
    conversationId: 'conv-1',
    now: () => now,
    result: z.object({ id: z.string() }),
    waitMs: 300,
    pollMs: 10,
    ...overrides,
  });

  beforeEach(() => {
    storage = new MemoryStorage();
    now = new Date('2026-11-22T14:00:00Z');
  });

  it('does the work once and replays its result', async () => {
    const formId = randomUUID();
    let calls = 0;
    const work = async () => ({ id: `T-${++calls}` });
    expect(await runOnce(request(formId), work)).toEqual({ kind: 'done', result: { id: 'T-1' }, replay: false });
    expect(await runOnce(request(formId), work)).toEqual({ kind: 'done', result: { id: 'T-1' }, replay: true });
    expect(calls).toBe(1);
    expect((await storage.get<{ state: string }>(`forms/${formId}`))?.value.state).toBe('done');
  });

  it('lets concurrent submits share one call', async () => {
    const formId = randomUUID();
    let calls = 0;
    const work = () => new Promise<{ id: string }>((resolve) => setTimeout(() => resolve({ id: `T-${++calls}` }), 50));
    const outcomes = await Promise.all([runOnce(request(formId), work), runOnce(request(formId), work), runOnce(request(formId), work)]);
    expect(calls).toBe(1);
    expect(outcomes.map((o) => o.kind === 'done' && o.result.id)).toEqual(['T-1', 'T-1', 'T-1']);
  });

  it('answers "pending" when the first submit takes longer than the wait', async () => {
    const formId = randomUUID();
    let finish!: (v: { id: string }) => void;
    const first = runOnce(request(formId), () => new Promise((resolve) => (finish = resolve)));
    expect(await runOnce(request(formId, { waitMs: 50 }), async () => ({ id: 'never' }))).toEqual({ kind: 'pending' });
    finish({ id: 'T-1' });
    await first;
  });

  it('releases the claim when the service refused (4xx) so the form can be sent again', async () => {
    const formId = randomUUID();
    await expect(runOnce(request(formId), async () => Promise.reject(apiError(400)))).rejects.toThrow(MmdApiError);
    expect(await storage.get(`forms/${formId}`)).toBeUndefined();
    expect(await runOnce(request(formId), async () => ({ id: 'T-2' }))).toMatchObject({ kind: 'done', replay: false });
  });

  it('keeps the record when the outcome is unknown and never calls again', async () => {
    const formId = randomUUID();
    const unknown = apiError(500, 'outcome_unknown');
    await expect(runOnce(request(formId), async () => Promise.reject(unknown))).rejects.toBe(unknown);
    let called = false;
    const again = await runOnce(request(formId), async () => {
      called = true;
      return { id: 'T-3' };
    });
    expect(again).toEqual({ kind: 'unknown', since: '2026-11-22T14:00:00.000Z' });
    expect(called).toBe(false);
  });

  it('treats an abandoned claim (the process died mid-call) as unknown', async () => {
    const formId = randomUUID();
    await storage.set(`forms/${formId}`, { verb: 'ticket.create', state: 'pending', by: 'user-1', claimedAt: '2026-11-22T13:00:00.000Z' });
    expect(await runOnce(request(formId), async () => ({ id: 'T-4' }))).toEqual({ kind: 'unknown', since: '2026-11-22T13:00:00.000Z' });
  });

  it('refuses a formId claimed by another form, and unreadable records', async () => {
    const formId = randomUUID();
    await runOnce(request(formId, { verb: 'ticket.addNote' }), async () => ({ id: 'N' }));
    expect(await runOnce(request(formId), async () => ({ id: 'T' }))).toEqual({ kind: 'otherForm' });
    const broken = randomUUID();
    await storage.set(`forms/${broken}`, 'garbage');
    expect(await runOnce(request(broken), async () => ({ id: 'T' }))).toEqual({ kind: 'otherForm' });
  });

  it('says "unknown" for a stored result this version cannot read', async () => {
    const formId = randomUUID();
    await storage.set(`forms/${formId}`, {
      verb: 'ticket.create',
      state: 'done',
      by: 'user-1',
      claimedAt: now.toISOString(),
      result: { nope: 1 },
    });
    expect((await runOnce(request(formId), async () => ({ id: 'T' }))).kind).toBe('unknown');
  });

  describe('after a crash or an unanswered call (reconcile)', () => {
    const abandoned = async (formId: string, state: 'pending' | 'unknown' = 'pending') =>
      storage.set(`forms/${formId}`, {
        verb: 'ticket.create',
        state,
        by: 'user-1',
        conversationId: 'conv-1',
        claimedAt: '2026-11-22T13:00:00.000Z',
      });

    it('an abandoned claim the service did act on becomes done with its result, and is recorded', async () => {
      const formId = randomUUID();
      await abandoned(formId);
      let calls = 0;
      const work = async () => ({ id: `T-${++calls}` });
      const outcome = await runOnce(request(formId, { reconcile: async () => ({ id: 'T-found' }) }), work);
      expect(outcome).toEqual({ kind: 'done', result: { id: 'T-found' }, replay: true });
      expect(calls).toBe(0);
      expect(await runOnce(request(formId), work)).toEqual({ kind: 'done', result: { id: 'T-found' }, replay: true });
    });

    it('an abandoned or unknown claim the service did not act on is sent again, once, even by concurrent submits', async () => {
      for (const state of ['pending', 'unknown'] as const) {
        const formId = randomUUID();
        await abandoned(formId, state);
        let calls = 0;
        const work = () => new Promise<{ id: string }>((resolve) => setTimeout(() => resolve({ id: `T-${++calls}` }), 30));
        const req = request(formId, { reconcile: async () => (calls > 0 ? { id: 'T-1' } : undefined) });
        const outcomes = await Promise.all([runOnce(req, work), runOnce(req, work), runOnce(req, work)]);
        expect(calls).toBe(1);
        for (const o of outcomes) expect(o).toMatchObject({ kind: 'done', result: { id: 'T-1' } });
      }
    });

    it('an unknown claim whose request may still land (no answer) is not settled before it is stale', async () => {
      const formId = randomUUID();
      await storage.set(`forms/${formId}`, {
        verb: 'ticket.create',
        state: 'unknown',
        inFlight: true,
        by: 'user-1',
        conversationId: 'conv-1',
        claimedAt: now.toISOString(),
      });
      const reconcile = jest.fn(async () => undefined);
      const work = jest.fn(async () => ({ id: 'T' }));
      expect((await runOnce(request(formId, { reconcile, staleMs: 60_000 }), work)).kind).toBe('unknown');
      expect(reconcile).not.toHaveBeenCalled();
      now = new Date(now.getTime() + 61_000);
      // Stale: the service is asked; its "not there" is not believed while the request may still land.
      expect((await runOnce(request(formId, { reconcile, staleMs: 60_000 }), work)).kind).toBe('landing');
      expect(reconcile).toHaveBeenCalledTimes(1);
      expect(work).not.toHaveBeenCalled();
      now = new Date(now.getTime() + LANDING_MS);
      expect((await runOnce(request(formId, { reconcile, staleMs: 60_000 }), work)).kind).toBe('done');
      expect(reconcile).toHaveBeenCalledTimes(2);
      expect(work).toHaveBeenCalledTimes(1);
    });

    it('stays unknown (asked again next time) when the service cannot answer; never stuck, never sent blind', async () => {
      const formId = randomUUID();
      await abandoned(formId);
      const work = jest.fn(async () => ({ id: 'T' }));
      const down = request(formId, { reconcile: async () => Promise.reject(new Error('down')) });
      expect((await runOnce(down, work)).kind).toBe('unknown');
      expect(work).not.toHaveBeenCalled();
      expect((await runOnce(request(formId, { reconcile: async () => undefined }), work)).kind).toBe('done');
      expect(work).toHaveBeenCalledTimes(1);
    });

    it('a form is bound to its first submitter and conversation: others get "notYours", not the result', async () => {
      const formId = randomUUID();
      await runOnce(request(formId), async () => ({ id: 'T-mine' }));
      expect(await runOnce(request(formId, { by: 'user-2' }), async () => ({ id: 'x' }))).toEqual({ kind: 'notYours' });
      expect(await runOnce(request(formId, { conversationId: 'conv-2' }), async () => ({ id: 'x' }))).toEqual({ kind: 'notYours' });
    });

    it('a storage failure on the claim is loud and sends nothing', async () => {
      const formId = randomUUID();
      const broken = Object.assign(Object.create(storage) as MemoryStorage, {
        set: async () => Promise.reject(new Error('disk gone')),
      });
      const errors: unknown[] = [];
      const work = jest.fn(async () => ({ id: 'T' }));
      const log = { warn: () => undefined, info: () => undefined, error: (o: unknown) => void errors.push(o) };
      await expect(runOnce(request(formId, { storage: broken, log }), work)).rejects.toBeInstanceOf(FormStorageError);
      expect(work).not.toHaveBeenCalled();
      expect(errors).toHaveLength(1);
    });
  });
});

describe('runOnce: a form older than its storage (the storage was lost and started again)', () => {
  const storage = new MemoryStorage();
  const epoch = new Date('2026-12-01T10:00:00Z');
  const request = (formId: string, overrides: Partial<OnceRequest<{ id: string }>> = {}): OnceRequest<{ id: string }> => ({
    storage,
    formId,
    verb: 'ticket.create',
    by: 'user-1',
    conversationId: 'conv-1',
    now: () => new Date(epoch.getTime() + 60_000),
    result: z.object({ id: z.string() }),
    epoch,
    ...overrides,
  });
  const before = () => newFormId(new Date(epoch.getTime() - 3_600_000));

  it('asks the service first; what it found is the answer, and nothing is created', async () => {
    const formId = before();
    const seen: Date[] = [];
    const work = jest.fn(async () => ({ id: 'T-new' }));
    const reconcile = async (since: Date) => (seen.push(since), { id: 'T-old' });
    expect(await runOnce(request(formId, { reconcile }), work)).toEqual({ kind: 'done', result: { id: 'T-old' }, replay: true });
    expect(work).not.toHaveBeenCalled();
    expect(seen).toEqual([new Date(epoch.getTime() - 3_600_000)]);
    // Recorded: the next submit replays without asking.
    expect(await runOnce(request(formId, { reconcile: async () => undefined }), work)).toMatchObject({
      kind: 'done',
      result: { id: 'T-old' },
    });
  });

  it('sends it when the service has nothing, once', async () => {
    const formId = before();
    const work = jest.fn(async () => ({ id: 'T-1' }));
    expect(await runOnce(request(formId, { reconcile: async () => undefined }), work)).toEqual({
      kind: 'done',
      result: { id: 'T-1' },
      replay: false,
    });
    expect(await runOnce(request(formId, { reconcile: async () => undefined }), work)).toMatchObject({ kind: 'done', replay: true });
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('without a way to ask, or when the service cannot answer, says it cannot tell and sends nothing', async () => {
    const work = jest.fn(async () => ({ id: 'T' }));
    expect(await runOnce(request(before()), work)).toMatchObject({ kind: 'unknown' });
    const formId = before();
    const failing = async () => Promise.reject(new Error('service down'));
    expect(await runOnce(request(formId, { reconcile: failing }), work)).toMatchObject({ kind: 'unknown' });
    // A later submit asks again (an answered "unknown") and, told nothing was made, sends it.
    expect(await runOnce(request(formId, { reconcile: async () => undefined }), work)).toMatchObject({ kind: 'done', replay: false });
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('a form issued after the storage began, or with an id that carries no time, is sent directly', async () => {
    const reconcile = jest.fn(async () => ({ id: 'T-old' }));
    const work = async () => ({ id: 'T-new' });
    expect(await runOnce(request(newFormId(new Date(epoch.getTime() + 1000)), { reconcile }), work)).toMatchObject({
      result: { id: 'T-new' },
    });
    expect(await runOnce(request(randomUUID(), { reconcile }), work)).toMatchObject({ result: { id: 'T-new' } });
    expect(reconcile).not.toHaveBeenCalled();
  });
});

describe('provesNothingDone', () => {
  it.each([
    [apiError(400), true],
    [apiError(403), true],
    [apiError(404), true],
    [apiError(429), false],
    [apiError(0, 'network', { notSent: true }), true],
    [apiError(0, 'token_error'), true],
    [apiError(503, '503', { retryAfterMs: 1000 }), false],
    [apiError(500, 'outcome_unknown'), false],
    [apiError(0, 'timeout'), false],
    [apiError(502), false],
    [apiError(200, 'invalid_response'), false],
    [new Error('bug'), false],
  ])('%s -> %s', (err, expected) => {
    expect(provesNothingDone(err)).toBe(expected);
  });
});
