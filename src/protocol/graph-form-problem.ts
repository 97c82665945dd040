/**
 * A failed Graph call in plain words, for the form that made it (the form stays, with what the
 * user typed). A refused create (400/403/405: beta-only, a tenant without the feature or the
 * permission) is shown as the service said it, with its status and code: that is the answer, not
 * a crash. Service text goes in as is; the card escapes it.
 */
import { GraphApiError } from '../graph/graph-api-error';
import { provesNothingDone } from '../state/form-claim';
import type { FormNotice } from './form-notice';
import type { FormProblem } from './form-problem';

export type GraphFormSubject = 'incident' | 'incidentUpdate' | 'enrollmentFailure';

const DONE: Record<GraphFormSubject, string> = {
  incident: 'the incident was created',
  incidentUpdate: 'the incident was changed',
  enrollmentFailure: 'the enrollment failure was recorded',
};

const CHECK: Record<GraphFormSubject, string> = {
  incident: 'Type "incidents" to look for it before you create another.',
  incidentUpdate: 'Press Refresh on the incident to see its current values.',
  enrollmentFailure: 'Type "enrollment failures" to look for it before you report it again.',
};

const NOTHING: Record<GraphFormSubject, string> = {
  incident: 'nothing was created',
  incidentUpdate: 'nothing was changed',
  enrollmentFailure: 'nothing was recorded',
};

/** What each feature needs in the app registration (docs/configuration.md, "Microsoft Graph permissions"). */
const PERMISSION: Record<GraphFormSubject, string> = {
  incident: 'SecurityIncident.ReadWrite.All',
  incidentUpdate: 'SecurityIncident.ReadWrite.All',
  enrollmentFailure: 'DeviceManagementManagedDevices.ReadWrite.All or DeviceManagementConfiguration.ReadWrite.All',
};

const REFUSED_STATUSES = new Set([400, 403, 405]);

/** The FormProblem of a Graph failure; undefined for any other error (the caller rethrows it). */
export function graphFormProblem(err: unknown, subject: GraphFormSubject, correlationId: string): FormProblem | undefined {
  if (!(err instanceof GraphApiError)) return undefined;
  const reference = ` Reference: ${correlationId}.`;
  if (!provesNothingDone(err)) {
    return {
      notice: {
        tone: 'warning',
        text: `I did not get a clear answer from Microsoft Graph, so I cannot tell whether ${DONE[subject]}. ${CHECK[subject]} Pressing the button on this form again will not send it twice.${reference}`,
      },
    };
  }
  const said = err.serviceMessage?.trim() || 'no reason given';
  const code = err.code !== 'http_error' ? `, ${err.code}` : '';
  const refused = (text: string): FormProblem => ({ notice: { tone: 'attention', text } });
  if (REFUSED_STATUSES.has(err.status)) {
    const beta = subject === 'incident' ? ' Creating incidents is a Graph beta call; a tenant may not allow it.' : '';
    const permission = err.status === 403 ? ` The app registration needs ${PERMISSION[subject]}.` : '';
    return refused(
      `Microsoft Graph refused this (HTTP ${err.status}${code}), so ${NOTHING[subject]}. It said: ${said}${beta}${permission}`,
    );
  }
  if (err.status === 401)
    return refused(`Microsoft Graph did not accept the bot's sign-in (HTTP 401), so ${NOTHING[subject]}.${reference}`);
  if (err.status === 404) return refused(`Microsoft Graph could not find it (HTTP 404), so ${NOTHING[subject]}. It said: ${said}`);
  return refused(`Microsoft Graph is busy or could not be reached, and ${NOTHING[subject]}. Try again in a minute.${reference}`);
}

/** For a form pressed again after an earlier press ended without a clear answer. */
export function graphEarlierUnknown(subject: GraphFormSubject): FormNotice {
  return {
    tone: 'warning',
    text: `This form was sent before, but Microsoft Graph gave no clear answer, so I cannot tell whether ${DONE[subject]}. ${CHECK[subject]} I will not send this form again.`,
  };
}
