import { z } from 'zod';
import { MmdApiError } from '../mmd/mmd-api-error';
import { provablyNotProcessed } from '../mmd/retry-policy';
import type { Logger } from '../log/logger';
import { StorageConflictError, type Storage } from '../storage/storage';

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
  claimedAt: z.string(),
  finishedAt: z.string().optional(),
  result: z.unknown().optional(),
});

type FormRecord = z.infer<typeof recordSchema>;

export type OnceOutcome<R> =
  /** `replay`: an earlier submit of this form did the work; this one did nothing. */
  | { kind: 'done'; result: R; replay: boolean }
  /** Another submit of this form is still running. */
  | { kind: 'pending' }
  /** An earlier submit ended without knowing whether the service acted (since: when it was claimed). */
  | { kind: 'unknown'; since: string }
  /** The formId belongs to another kind of form: forged data. */
  | { kind: 'otherForm' };

export interface OnceRequest<R> {
  storage: Storage;
  formId: string;
  /** The submit verb; a formId is only good for the form it was made for. */
  verb: string;
  /** Who submitted (for the record, not a check: in a group chat anyone may press the button). */
  by: string;
  now: () => Date;
  /** Reads the stored result back (it is JSON from storage, written by an older version maybe). */
  result: z.ZodType<R>;
  /** How long a second submit waits for the first to finish before answering "still running". */
  waitMs?: number;
  pollMs?: number;
  /** A claim older than this with no result was abandoned (the process died mid-call). */
  staleMs?: number;
  log?: Pick<Logger, 'warn'>;
}

const key = (formId: string) => `forms/${formId}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * True when a failure proves the service did nothing: it refused the request (4xx), or the
 * request never reached it. Then the claim is released and the corrected form can be sent again.
 */
export function provesNothingDone(err: unknown): boolean {
  if (!(err instanceof MmdApiError)) return false;
  if (err.code === 'outcome_unknown') return false;
  return (err.status >= 400 && err.status < 500) || provablyNotProcessed(err) || err.code === 'token_error';
}

/**
 * Runs `work` at most once per formId. Errors of `work` are rethrown after the record is
 * settled: released when nothing was done, kept as "unknown" otherwise (a timeout after the
 * request was sent may have created the ticket; sending it again could create a second).
 */
export async function runOnce<R>(request: OnceRequest<R>, work: () => Promise<R>): Promise<OnceOutcome<R>> {
  const { storage, formId, verb, by, now } = request;
  for (let attempt = 0; attempt < 3; attempt++) {
    const claim: FormRecord = { verb, state: 'pending', by, claimedAt: now().toISOString() };
    let eTag: string;
    try {
      eTag = await storage.set(key(formId), claim, { ifMatch: null });
    } catch (err) {
      if (!(err instanceof StorageConflictError)) throw err;
      const earlier = await awaitEarlier(request);
      if (earlier) return earlier;
      continue; // released meanwhile (the earlier submit failed cleanly): claim it ourselves
    }
    let result: R;
    try {
      result = await work();
    } catch (err) {
      if (provesNothingDone(err)) await storage.delete(key(formId));
      else await storage.set(key(formId), { ...claim, state: 'unknown', finishedAt: now().toISOString() }, { ifMatch: eTag });
      throw err;
    }
    try {
      await storage.set(key(formId), { ...claim, state: 'done', finishedAt: now().toISOString(), result }, { ifMatch: eTag });
    } catch (err) {
      // The work is done: say so. A later replay of this form finds the claim, waits, then
      // answers "may have been done" once it is stale, which is true.
      request.log?.warn({ err, formId }, 'could not record a form result');
    }
    return { kind: 'done', result, replay: false };
  }
  return { kind: 'pending' };
}

/** The earlier submit's outcome, waiting a little while it runs; undefined when its claim was released. */
async function awaitEarlier<R>(request: OnceRequest<R>): Promise<OnceOutcome<R> | undefined> {
  const waitMs = request.waitMs ?? 4000;
  const pollMs = request.pollMs ?? 100;
  const staleMs = request.staleMs ?? 5 * 60_000;
  const started = Date.now();
  for (;;) {
    const item = await request.storage.get<unknown>(key(request.formId));
    if (!item) return undefined;
    const record = recordSchema.safeParse(item.value);
    if (!record.success || record.data.verb !== request.verb) return { kind: 'otherForm' };
    const { state, claimedAt } = record.data;
    if (state === 'done') {
      const result = request.result.safeParse(record.data.result);
      // A result this version cannot read: the work was done, but we cannot show it.
      return result.success ? { kind: 'done', result: result.data, replay: true } : { kind: 'unknown', since: claimedAt };
    }
    if (state === 'unknown') return { kind: 'unknown', since: claimedAt };
    if (request.now().getTime() - Date.parse(claimedAt) > staleMs) return { kind: 'unknown', since: claimedAt };
    if (Date.now() - started >= waitMs) return { kind: 'pending' };
    await sleep(pollMs);
  }
}
