import type { FieldErrors } from '../protocol/field-rules';
import { NEW_INCIDENT_FIELDS, type NewIncidentField, type NewIncidentFormValues } from '../protocol/incident-rules';
import { fieldItems, formValues, noticeView } from './card-form-parts';
import type { FormNotice } from '../protocol/form-notice';
import { execute } from './card-action';
import { cancelAction } from './cancel-action';
import type { FormOrigin } from '../protocol/views';
import { renderCard, type AdaptiveCard } from './render';

export interface NewIncidentFormInput {
  /** Values to start with, or the user's last input when the server refused it. */
  prefill: Partial<NewIncidentFormValues>;
  /** A random UUID: the idempotency key of this form. */
  formId: string;
  /** The card the form was opened from (the incident list): Cancel goes back to it. */
  from?: FormOrigin;
  errors?: FieldErrors;
  /** A refused create ("Forbidden: ...", as the service said it) or a failure. */
  notice?: FormNotice;
  now: Date;
}

const FIELDS = Object.keys(NEW_INCIDENT_FIELDS) as NewIncidentField[];
const DEFAULTS: Partial<NewIncidentFormValues> = { severity: 'medium', status: 'active' };

/**
 * The new security incident form: every property document 003 lets a client set. Creating is a
 * beta-only Graph call a tenant may refuse; the handler then shows this form again with the
 * service's words as the notice and the input kept.
 */
export function newIncidentForm({ prefill, formId, from, errors = {}, notice, now }: NewIncidentFormInput): AdaptiveCard {
  const values = formValues(FIELDS, DEFAULTS, prefill);
  return renderCard('incident-form', {
    subtitle: 'Creates an incident in Microsoft Defender through Microsoft Graph (beta). Fields marked with * are required.',
    notice: noticeView(notice, errors),
    fields: fieldItems(NEW_INCIDENT_FIELDS, values, errors, now),
    // The rarely used fields start folded unless they hold input or a message.
    more: (['incidentWebUrl', 'redirectIncidentId'] as const).some((k) => values[k] !== '' || errors[k] !== undefined),
    actions: [execute('Create incident', 'incident.create', { formId, from }, { style: 'positive' }), cancelAction(from)],
  });
}
