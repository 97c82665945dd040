import type { FormNotice } from './form-notice';
import { MmdApiError } from '../mmd/mmd-api-error';
import { provesNothingDone } from '../state/form-claim';

/** What a form sends, for the words of its messages. */
export type FormSubject = 'ticket' | 'note' | 'elevation' | 'close';

export interface FormProblem {
  notice: FormNotice;
  /** A message for one field, when the failure is about it (an unknown device). */
  field?: { id: string; message: string };
}

const DONE: Record<FormSubject, string> = {
  ticket: 'the ticket was created',
  note: 'the note was added',
  elevation: 'the elevation request was created',
  close: 'the elevation request was closed',
};

const CHECK: Record<FormSubject, string> = {
  ticket: 'Type "tickets" to look for it before you start a new one.',
  note: 'Open the ticket to look for the note before you add it again.',
  elevation: 'Type "elevations" to look for it before you start a new one.',
  close: 'Type "elevations" to see whether it is closed.',
};

const said = (err: MmdApiError, fallback: string) => err.serviceMessage?.trim() || fallback;

/**
 * A failed API call in plain words, for the form that made it (the form stays, with what the
 * user typed). Service text is included as the service said it; the card escapes it.
 */
export function formProblem(err: MmdApiError, subject: FormSubject, correlationId: string): FormProblem {
  const reference = ` Reference: ${correlationId}.`;
  if (!provesNothingDone(err)) {
    return {
      notice: {
        tone: 'warning',
        text:
          `I did not get a clear answer from Microsoft Managed Desktop, so I cannot tell whether ${DONE[subject]}. ` +
          `${CHECK[subject]} Pressing the button on this form again will not send it twice.${reference}`,
      },
    };
  }
  const refused = (text: string, field?: FormProblem['field']): FormProblem => ({ notice: { tone: 'attention', text }, field });
  if (subject === 'elevation' && err.status === 404) {
    const message = said(err, 'This device does not exist.');
    return refused(`Nothing was created: ${message}`, {
      id: 'deviceName',
      message: 'There is no managed device with this name. Check the name.',
    });
  }
  if (subject === 'elevation' && err.status === 403) {
    const message = said(err, 'This device has too many open elevation requests.');
    return refused(`Nothing was created: ${message} Close an open request for this device first ("elevations <device>").`, {
      id: 'deviceName',
      message: 'This device has too many open elevation requests.',
    });
  }
  if (subject === 'close' && err.status === 400)
    return refused(`Nothing was changed: ${said(err, 'This elevation request was already closed.')}`);
  if (subject === 'close' && err.status === 404)
    return refused(`Nothing was changed: ${said(err, 'This elevation request does not exist.')}`);
  if (subject === 'note' && err.status === 404) return refused(`The note was not added: ${said(err, 'This ticket does not exist.')}`);
  if (err.status === 400 || err.status === 422) {
    return refused(`Microsoft Managed Desktop did not accept this form, so nothing was changed. It said: ${said(err, 'no reason given')}`);
  }
  if (err.code === 'token_error' && !err.retryable) {
    return refused(
      `MMD Assist cannot reach the MMD service with its credentials; tell the bot's administrator. Nothing was changed.${reference}`,
    );
  }
  if (err.status === 401 || err.status === 403) {
    return refused(
      `Microsoft Managed Desktop did not allow this (HTTP ${err.status}), so nothing was changed. Your administrator can check the bot’s permissions.${reference} It said: ${said(err, 'no reason given')}`,
    );
  }
  return refused(`Microsoft Managed Desktop is busy or could not be reached, and nothing was sent. Try again in a minute.${reference}`);
}

/** For a form pressed again after an earlier press ended without a clear answer. */
export function earlierUnknown(subject: FormSubject): FormNotice {
  return {
    tone: 'warning',
    text:
      `This form was sent before, but Microsoft Managed Desktop gave no clear answer, so I cannot tell whether ${DONE[subject]}. ` +
      `${CHECK[subject]} I will not send this form again.`,
  };
}
