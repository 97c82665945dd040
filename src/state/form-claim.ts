import { z } from 'zod';
import { ApiError } from '../http/api-error';
import { provablyNotProcessed } from '../http/retry-policy';
import type { Logger } from '../log/logger';
import { StorageConflictError, type Storage } from '../storage/storage';
import { formIssuedAt } from './form-id';

/**
 * Idempotency of form submits. Each form card carries a random `formId`; the first submit
 * claims `forms/<formId>` with a create-only write, does the work, and records the result. A
 * second submit of the same card (double click, client retry, replayed invoke, after a restart
 * too: the record is in Storage) gets the first result and creates nothing.
 */

const recordSchema = z.object({
  verb: z.string(),
  state: z.enum(['pending', 'done', 'unknown']),
  by: z.string(),
  /** The conversation of the first submit; records of older versions lack it. */
  conversationId: z.string().optional(),
  claimedAt: z.string(),
  /** An "unknown" whose request may still be running at the service (timeout, lost connection). */
  inFlight: z.boolean().optional(),
  finishedAt: z.string().optional(),
  result: z.unknown().optional(),
});

type FormRecord = z.infer<typeof recordSchema>;

export type OnceOutcome<R> =
  /** `replay`: an earlier submit of this form did the work; this one did nothing. */
  | { kind: 'done'; result: R; replay: boolean }
  /** Another submit of this form is still running. */
  | { kind: 'pending' }
  /**
   * An earlier submit's request may still land (no answer came, and it was sent less than
   * LANDING_MS ago) and the service does not show it yet: not sent again (since: when it was sent).
   */
  | { kind: 'landing'; since: string }
  /** An earlier submit ended without knowing whether the service acted (since: when it was claimed). */
  | { kind: 'unknown'; since: string }
  /** The formId belongs to another kind of form: forged data. */
  | { kind: 'otherForm' }
  /** The form was sent by another user or in another conversation: its result is not theirs to see. */
  | { kind: 'notYours' }
  /** The form is older than FORM_MAX_AGE_MS and has no claim (any it had may be swept): not sent. */
  | { kind: 'expired' };

/**
 * How long a form may be submitted after it was issued, and how long a done claim is kept after
 * it finished (claim-sweeper.ts): a claim is only swept once no submit of its form is accepted.
 */
export const FORM_MAX_AGE_MS = 7 * 24 * 60 * 60_000;

/**
 * How long a request that got no answer (timeout, lost connection, a crash) may still land at
 * the service. Until then the service saying "not there" is not believed: the form is not sent
 * again, however often it is pressed. After it, a "not there" means it never arrived.
 */
export const LANDING_MS = 5 * 60_000;

/** Storage could not record the claim: the work was not done (loud: logged and told). */
export class FormStorageError extends Error {
  constructor(
    readonly formId: string,
    cause: unknown,
  ) {
    super('could not record a form claim', { cause });
    this.name = 'FormStorageError';
  }
}

export interface OnceRequest<R> {
  storage: Storage;
  formId: string;
  /** The submit verb; a formId is only good for the form it was made for. */
  verb: string;
  /** Who submitted. The form is bound to its first submitter: only they see its result again. */
  by: string;
  /** Where it was submitted; bound like `by`. */
  conversationId: string;
  now: () => Date;
  /** Reads the stored result back (it is JSON from storage, written by an older version maybe). */
  result: z.ZodType<R>;
  /** How long a second submit waits for the first to finish before answering "still running". */
  waitMs?: number;
  pollMs?: number;
  /** A claim older than this with no result was abandoned (the process died mid-call). */
  staleMs?: number;
  /** LANDING_MS unless a test says otherwise. */
  landingMs?: number;
  /**
   * Asks the service whether an abandoned or unanswered claim's work was done after all (e.g.
   * the user's tickets with the same title and contact since `since`): the result when it was,
   * undefined when it provably was not (the form may then be sent again). Throws when the
   * service cannot tell now (the record stays; a later submit asks again).
   */
  reconcile?: (since: Date) => Promise<R | undefined>;
  /**
   * When the storage holding the claims began (storage-epoch.ts). A form issued before it
   * (formIssuedAt) may have been sent with its claim in a storage now gone: its first claim here
   * asks the service (reconcile, since the issue time) before doing the work.
   */
  epoch?: Date;
  log?: Pick<Logger, 'warn' | 'error' | 'info'>;
}

const key = (formId: string) => `forms/${formId}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * True when a failure proves the service did nothing: it refused the request (4xx but 429), or the
 * request never reached it. Then the claim is released and the corrected form can be sent again.
 */
export function provesNothingDone(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  if (err.code === 'outcome_unknown') return false;
  // 429 is no proof: a gateway may throttle after the service acted.
  return (err.status >= 400 && err.status < 500 && err.status !== 429) || provablyNotProcessed(err) || err.code === 'token_error';
}

/**
 * Runs `work` at most once per formId. Errors of `work` are rethrown after the record is
 * settled: released when nothing was done, kept as "unknown" otherwise (a timeout after the
 * request was sent may have created the ticket; sending it again could create a second).
 * An "unknown" or abandoned claim is settled by `reconcile`: done, or claimed again and sent.
 */
export async function runOnce<R>(request: OnceRequest<R>, work: () => Promise<R>): Promise<OnceOutcome<R>> {
  const { storage, formId, verb, by, now } = request;
  for (let attempt = 0; attempt < 3; attempt++) {
    const claim: FormRecord = { verb, state: 'pending', by, conversationId: request.conversationId, claimedAt: now().toISOString() };
    let eTag: string;
    try {
      eTag = await storage.set(key(formId), claim, { ifMatch: null });
    } catch (err) {
      if (!(err instanceof StorageConflictError)) throw loud(request, err, 'could not claim a form: nothing was sent');
      const earlier = await awaitEarlier(request);
      if (!earlier) continue; // released meanwhile (the earlier submit failed cleanly): claim it ourselves
      if (earlier.kind !== 'retry') return earlier;
      // The service says the earlier claim did nothing: take the claim over (only one taker wins).
      try {
        eTag = await storage.set(key(formId), claim, { ifMatch: earlier.eTag });
      } catch (takeErr) {
        if (takeErr instanceof StorageConflictError) continue;
        throw loud(request, takeErr, 'could not claim a form again: nothing was sent');
      }
      request.log?.info({ formId }, 'abandoned form claim taken over: the service has no result of it');
    }
    const issuedAt = formIssuedAt(formId);
    if (issuedAt && now().getTime() - issuedAt.getTime() > FORM_MAX_AGE_MS) {
      // Too old to be sure its done claim was not swept: never risk a second create.
      await storage
        .delete(key(formId))
        .catch((err: unknown) => request.log?.error({ err: errInfo(err), formId }, 'could not release the claim of an expired form'));
      return { kind: 'expired' };
    }
    const before = await olderThanStorage(request, claim, eTag);
    if (before) return before;
    return { kind: 'done', result: await doWork(request, claim, eTag, work), replay: false };
  }
  return { kind: 'pending' };
}

/**
 * A form issued before this storage began, claimed here for the first time: its earlier claim
 * may be lost with the old storage, so the service is asked first. Undefined: go ahead (nothing
 * found). Otherwise the outcome to answer with; the claim then holds the result, or "unknown"
 * (answered, not in flight) so a later submit asks again.
 */
async function olderThanStorage<R>(request: OnceRequest<R>, claim: FormRecord, eTag: string): Promise<OnceOutcome<R> | undefined> {
  const issuedAt = formIssuedAt(request.formId);
  if (!request.epoch || !issuedAt || issuedAt.getTime() >= request.epoch.getTime()) return undefined;
  request.log?.warn(
    { formId: request.formId, issuedAt: issuedAt.toISOString() },
    'form issued before this storage began: asking the service first',
  );
  const since = issuedAt.toISOString();
  const keep = async (record: FormRecord) =>
    request.storage.set(key(request.formId), record, { ifMatch: eTag }).catch((err: unknown) => {
      request.log?.error({ err: errInfo(err), formId: request.formId }, 'could not record what the service said of an older form');
    });
  if (!request.reconcile) {
    await keep({ ...claim, state: 'unknown', inFlight: false, claimedAt: since, finishedAt: request.now().toISOString() });
    return { kind: 'unknown', since };
  }
  let found: R | undefined;
  try {
    found = await request.reconcile(issuedAt);
  } catch (err) {
    request.log?.warn({ err: errInfo(err), formId: request.formId }, 'could not ask the service about an older form');
    await keep({ ...claim, state: 'unknown', inFlight: false, claimedAt: since, finishedAt: request.now().toISOString() });
    return { kind: 'unknown', since };
  }
  if (found === undefined) return undefined;
  await keep({ ...claim, state: 'done', finishedAt: request.now().toISOString(), result: found });
  request.log?.info({ formId: request.formId }, 'older form already sent (found at the service): answering with its result');
  return { kind: 'done', result: found, replay: true };
}

async function doWork<R>(request: OnceRequest<R>, claim: FormRecord, eTag: string, work: () => Promise<R>): Promise<R> {
  const { storage, formId, now } = request;
  let result: R;
  try {
    result = await work();
  } catch (err) {
    try {
      if (provesNothingDone(err)) await storage.delete(key(formId));
      else {
        // No answer at all: the request may still land. A service answer (5xx): it is over.
        const inFlight = !(err instanceof ApiError && err.status > 0);
        await storage.set(key(formId), { ...claim, state: 'unknown', inFlight, finishedAt: now().toISOString() }, { ifMatch: eTag });
      }
    } catch (storeErr) {
      // The claim stays pending; once stale, reconcile settles it. Never a second create.
      request.log?.error({ err: errInfo(storeErr), formId }, 'could not record a failed form submit');
    }
    throw err;
  }
  try {
    await storage.set(key(formId), { ...claim, state: 'done', finishedAt: now().toISOString(), result }, { ifMatch: eTag });
  } catch (err) {
    // The work is done: say so. A later replay finds the pending claim and, once it is stale,
    // asks the service (reconcile), which finds this result.
    request.log?.error({ err: errInfo(err), formId }, 'could not record a form result');
  }
  return result;
}

function errInfo(err: unknown): { name?: string; message: string } {
  return err instanceof Error ? { name: err.name, message: err.message } : { message: String(err) };
}

function loud(request: OnceRequest<unknown>, err: unknown, message: string): FormStorageError {
  request.log?.error({ err: errInfo(err), formId: request.formId }, message);
  return new FormStorageError(request.formId, err);
}

type Earlier<R> = OnceOutcome<R> | { kind: 'retry'; eTag: string };

/** The earlier submit's outcome, waiting a little while it runs; undefined when its claim was released. */
async function awaitEarlier<R>(request: OnceRequest<R>): Promise<Earlier<R> | undefined> {
  const waitMs = request.waitMs ?? 4000;
  const pollMs = request.pollMs ?? 100;
  const staleMs = request.staleMs ?? 5 * 60_000;
  const started = Date.now();
  for (;;) {
    const item = await request.storage.get<unknown>(key(request.formId));
    if (!item) return undefined;
    const record = recordSchema.safeParse(item.value);
    if (!record.success || record.data.verb !== request.verb) return { kind: 'otherForm' };
    const { state, claimedAt, by, conversationId } = record.data;
    if (by !== request.by || (conversationId !== undefined && conversationId !== request.conversationId)) return { kind: 'notYours' };
    if (state === 'done') {
      const result = request.result.safeParse(record.data.result);
      // A result this version cannot read: the work was done, but we cannot show it.
      return result.success ? { kind: 'done', result: result.data, replay: true } : { kind: 'unknown', since: claimedAt };
    }
    // Ask the service only once the earlier request cannot still land: it answered (an unknown
    // 5xx), or its claim is older than the call's timeout (crashed or timed out long ago).
    const age = request.now().getTime() - Date.parse(claimedAt);
    const stale = age > staleMs;
    // A "not there" is believed once the request cannot land any more: the service answered it
    // (an unknown 5xx or 429), or it was sent longer ago than a request may take to land.
    const answered = state === 'unknown' && !record.data.inFlight;
    if (stale || answered) return settle(request, record.data, item.eTag, answered || age > (request.landingMs ?? LANDING_MS));
    if (state === 'unknown') return { kind: 'unknown', since: claimedAt };
    if (Date.now() - started >= waitMs) return { kind: 'pending' };
    await sleep(pollMs);
  }
}

/** An unanswered or abandoned claim: ask the service. Done (recorded), retryable, or still unknown. */
async function settle<R>(request: OnceRequest<R>, record: FormRecord, eTag: string, believeNo: boolean): Promise<Earlier<R>> {
  const since = record.claimedAt;
  if (!request.reconcile) return { kind: 'unknown', since };
  let found: R | undefined;
  try {
    found = await request.reconcile(new Date(since));
  } catch (err) {
    request.log?.warn({ err: errInfo(err), formId: request.formId }, 'could not ask the service about an earlier form submit');
    return { kind: 'unknown', since };
  }
  if (found === undefined) {
    if (believeNo) return { kind: 'retry', eTag };
    request.log?.warn(
      { formId: request.formId, since },
      'earlier form submit not found at the service yet; it may still land, so it is not sent again',
    );
    return { kind: 'landing', since };
  }
  const done: FormRecord = { ...record, state: 'done', finishedAt: request.now().toISOString(), result: found };
  await request.storage.set(key(request.formId), done, { ifMatch: eTag }).catch((err: unknown) => {
    request.log?.error({ err: errInfo(err), formId: request.formId }, 'could not record a reconciled form result');
  });
  request.log?.info({ formId: request.formId }, 'earlier form submit found at the service: answering with its result');
  return { kind: 'done', result: found, replay: true };
}
