import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createClaimSweeper } from '../../src/state/claim-sweeper';
import { FORM_MAX_AGE_MS, runOnce, type OnceRequest } from '../../src/state/form-claim';
import { newFormId } from '../../src/state/form-id';
import { isRevealableCard, rememberRevealableCard } from '../../src/state/revealable-cards';
import { createLogger } from '../../src/log/logger';
import { MmdApiError } from '../../src/mmd/mmd-api-error';
import { MemoryStorage } from '../../src/storage/memory-storage';

const DAY = 24 * 60 * 60_000;

describe('expiry of done form claims', () => {
  let storage: MemoryStorage;
  let now: Date;
  const clock = () => now;
  const request = (formId: string): OnceRequest<{ id: string }> => ({
    storage,
    formId,
    verb: 'ticket.create',
    by: 'user-1',
    conversationId: 'conv-1',
    now: clock,
    result: z.object({ id: z.string() }),
    waitMs: 50,
    pollMs: 10,
  });
  const sweeper = () => createClaimSweeper({ storage, now: clock, log: createLogger({ level: 'silent' }) });
  const keys = async () => (await storage.list('')).sort();

  beforeEach(() => {
    storage = new MemoryStorage();
    now = new Date('2026-12-01T08:00:00Z');
  });

  it('keeps a done claim for 7 days after it finished, then sweeps it; pending, unknown and legacy claims stay', async () => {
    const done = newFormId(now);
    const legacy = randomUUID();
    const unknown = newFormId(now);
    let calls = 0;
    const work = async () => ({ id: `T-${++calls}` });
    await runOnce(request(done), work);
    await runOnce(request(legacy), work);
    // A 5xx: the service answered, the outcome is unknown until a resubmit asks it.
    await expect(
      runOnce(request(unknown), async () => {
        throw new MmdApiError({ status: 500, code: '500', serviceMessage: 'x', method: 'POST', path: 'tickets', retryable: false });
      }),
    ).rejects.toThrow();
    // A claim left pending by a crash.
    const pending = newFormId(now);
    await storage.set(`forms/${pending}`, {
      verb: 'ticket.create',
      state: 'pending',
      by: 'user-1',
      conversationId: 'conv-1',
      claimedAt: now.toISOString(),
    });
    await rememberRevealableCard(storage, { conversationId: 'conv-1', activityId: 'act-1', deviceName: 'MMD-1' }, now);
    const all = await keys();

    now = new Date(now.getTime() + FORM_MAX_AGE_MS - 1000);
    expect(await sweeper().sweep()).toBe(0);
    expect(await keys()).toEqual(all);

    now = new Date(now.getTime() + 2000);
    expect(await sweeper().sweep()).toBe(2);
    expect(await keys()).toEqual(all.filter((k) => k !== `forms/${done}` && !k.startsWith('revealable/')));
    expect(await isRevealableCard(storage, 'conv-1', 'act-1', 'MMD-1')).toBe(false);
  });

  it('never sends a form again once its claim may have been swept: a form over 7 days old is refused', async () => {
    const formId = newFormId(now);
    let calls = 0;
    const work = async () => ({ id: `T-${++calls}` });
    expect(await runOnce(request(formId), work)).toMatchObject({ kind: 'done', replay: false });
    now = new Date(now.getTime() + 8 * DAY);
    await sweeper().sweep();
    expect(await storage.get(`forms/${formId}`)).toBeUndefined();
    expect(await runOnce(request(formId), work)).toEqual({ kind: 'expired' });
    expect(calls).toBe(1);
    // The refusal leaves nothing behind.
    expect(await storage.list('forms/')).toEqual([]);
    // A fresh form still goes through.
    expect(await runOnce(request(newFormId(now)), work)).toMatchObject({ kind: 'done', replay: false });
  });

  it('keeps the heap flat with STORAGE=memory: a week of forms, then only the last 7 days stay', async () => {
    const start = now.getTime();
    const work = async () => ({ id: 'T' });
    for (let day = 0; day < 14; day++) {
      now = new Date(start + day * DAY);
      for (let i = 0; i < 10; i++) await runOnce(request(newFormId(now)), work);
      await sweeper().sweep();
    }
    // Days 6..13 finished within the last 7 days (day 6 exactly 7 days ago stays: not older).
    expect((await storage.list('forms/')).length).toBe(80);
  });
});

describe('expiry of MMD_AUTH=user sign-in records', () => {
  it('sweeps a kept command after 15 minutes and a token exchange claim after a day, not before', async () => {
    const { claimExchange, finishExchange, savePending, takePending, EXCHANGE_CLAIM_TTL_MS, PENDING_TTL_MS } =
      await import('../../src/state/sign-in-store');
    const storage = new MemoryStorage();
    let now = new Date('2026-12-01T08:00:00Z');
    const sweeper = createClaimSweeper({ storage, now: () => now, log: createLogger({ level: 'silent' }) });
    await savePending(storage, 'conv-1', 'user-1', { kind: 'message', text: 'devices' }, now);
    const claim = await claimExchange(storage, 'conv-1', 'exchange-1', now);
    expect(claim.claimed).toBe(true);
    await finishExchange(storage, 'conv-1', 'exchange-1', 'done', now);
    await storage.set('signin/exchange/garbage', { nonsense: true });
    expect(await storage.list('signin/')).toHaveLength(3);

    // The unreadable record goes at once; the others stay while they can still be used.
    now = new Date(now.getTime() + PENDING_TTL_MS - 1000);
    expect(await sweeper.sweep()).toBe(1);
    expect(await takePending(storage, 'conv-1', 'user-1', now)).toEqual({ kind: 'message', text: 'devices' });
    await savePending(storage, 'conv-1', 'user-1', { kind: 'message', text: 'tickets' }, now);

    now = new Date(now.getTime() + PENDING_TTL_MS + 1000);
    expect(await sweeper.sweep()).toBe(1);
    expect(await storage.list('signin/pending/')).toEqual([]);
    // The same exchange id again within the day is still answered from the claim, not exchanged twice.
    expect(await claimExchange(storage, 'conv-1', 'exchange-1', now)).toEqual({ claimed: false, state: 'done' });

    now = new Date(Date.parse('2026-12-01T08:00:00Z') + EXCHANGE_CLAIM_TTL_MS + 1000);
    expect(await sweeper.sweep()).toBe(1);
    expect(await storage.list('signin/')).toEqual([]);
  });
});
