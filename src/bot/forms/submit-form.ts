import type { z } from 'zod';
import type { FormNotice } from '../../protocol/form-notice';
import { MmdApiError } from '../../mmd/mmd-api-error';
import type { BotDeps } from '../deps';
import { text, type Reply } from '../reply';
import type { Turn } from '../turn';
import type { FieldErrors } from '../../protocol/field-rules';
import { FormStorageError, LANDING_MS, runOnce } from '../../state/form-claim';
import { storageEpoch } from '../../state/storage-epoch';
import { earlierUnknown, formProblem, type FormProblem, type FormSubject } from '../../protocol/form-problem';

/** How a form words an API failure and an earlier unclear submit (Graph forms bring their own). */
export interface FormWording {
  /** The failure in plain words, or undefined when it is not this API's error (then it is a bug). */
  problem(err: unknown, correlationId: string): FormProblem | undefined;
  earlier: FormNotice;
}

function mmdWording(subject: FormSubject): FormWording {
  return {
    problem: (err, correlationId) => (err instanceof MmdApiError ? formProblem(err, subject, correlationId) : undefined),
    earlier: earlierUnknown(subject),
  };
}

export interface SubmitSpec<R> {
  turn: Turn;
  deps: BotDeps;
  formId: string;
  verb: string;
  /** An MMD form's subject, or the wording of another API's form. */
  subject: FormSubject | FormWording;
  /** Reads a recorded result back from storage. */
  result: z.ZodType<R>;
  /** The one API call that changes something; it runs at most once per formId. */
  work: () => Promise<R>;
  /**
   * Did an earlier, unanswered submit of this form (a crash, a timeout) do the work after all?
   * Asks the service; see OnceRequest.reconcile. Without it such a form stays "may have been sent".
   */
  reconcile?: (since: Date) => Promise<R | undefined>;
  /** What replaces the form once done, for the first submit and for every replay. */
  done: (result: R, replay: boolean) => Promise<Reply>;
  /** The same form again, with messages and what the user typed. */
  form: (errors: FieldErrors, notice?: FormNotice) => Promise<Reply>;
}

const STILL_SENDING = 'This form is still being sent. Wait a few seconds and press the button again: it will not be sent twice.';
const FOREIGN_FORM = 'That card action carried data I cannot accept, so nothing was changed.';
const EXPIRED = 'This form is more than 7 days old, so I did not send it and nothing was changed. Open a new form to send it.';
/** An earlier send of this form got no answer and the service does not show it yet. */
function stillLanding(since: string, now: Date): string {
  const minutes = Math.max(1, Math.ceil((Date.parse(since) + LANDING_MS - now.getTime()) / 60_000));
  return `I sent this form earlier and the service has not confirmed it, nor does it show it yet. It may still arrive, so I did not send it again. Press the button again in ${minutes} minute${minutes === 1 ? '' : 's'}: I will look again and send it only if it never arrived.`;
}
const NOT_YOURS =
  'That form was already sent by someone else, or in another chat, so I did not send it again. Open a new form to send your own.';

/** How long an unanswered claim may be running before the service is asked: the longest turn plus margin. */
function staleAfterMs(deps: BotDeps): number {
  return Math.max(deps.config.mmd.timeoutMs, 12_000) + 5_000;
}

/**
 * A valid form, sent once: the claim (form-claim.ts), the API call, then the result card, or the
 * form again with the failure in plain words. Errors other than the API's are bugs and go to
 * the dispatcher's guard (error card).
 */
export async function submitOnce<R>(spec: SubmitSpec<R>): Promise<Reply> {
  const { turn, deps } = spec;
  const wording = typeof spec.subject === 'string' ? mmdWording(spec.subject) : spec.subject;
  let outcome;
  try {
    let epoch: Date;
    try {
      epoch = await storageEpoch(deps.storage, deps.now);
    } catch (err) {
      turn.log.error({ err: err, verb: spec.verb }, 'storage unavailable: form not sent');
      throw new FormStorageError(spec.formId, err);
    }
    outcome = await runOnce(
      {
        storage: deps.storage,
        formId: spec.formId,
        verb: spec.verb,
        by: turn.user.aadObjectId ?? turn.user.id,
        conversationId: turn.conversationId,
        now: deps.now,
        result: spec.result,
        staleMs: staleAfterMs(deps),
        reconcile: spec.reconcile,
        epoch,
        log: turn.log,
      },
      spec.work,
    );
  } catch (err) {
    if (err instanceof FormStorageError) {
      return text(
        `My storage is not available right now, so I could not record this form: I did not send it and nothing was created. Please try again later (reference ${turn.correlationId}).`,
      );
    }
    const problem = wording.problem(err, turn.correlationId);
    if (!problem) throw err;
    turn.log.warn({ err: err, verb: spec.verb }, 'form submit failed');
    return spec.form(problem.field ? { [problem.field.id]: problem.field.message } : {}, problem.notice);
  }
  switch (outcome.kind) {
    case 'done':
      turn.log.info(
        { verb: spec.verb, replay: outcome.replay },
        outcome.replay ? 'form already sent: answering with its result' : 'form sent',
      );
      return spec.done(outcome.result, outcome.replay);
    case 'pending':
      return text(STILL_SENDING);
    case 'landing':
      turn.log.warn({ verb: spec.verb }, 'earlier send not confirmed and not found yet: not sent again');
      return text(stillLanding(outcome.since, deps.now()));
    case 'unknown':
      return spec.form({}, wording.earlier);
    case 'otherForm':
      turn.log.warn({ verb: spec.verb }, 'formId of another form');
      return text(FOREIGN_FORM);
    case 'notYours':
      turn.log.warn({ verb: spec.verb }, 'form of another user or conversation');
      return text(NOT_YOURS);
    case 'expired':
      turn.log.info({ verb: spec.verb }, 'form too old: not sent');
      return text(EXPIRED);
  }
}
