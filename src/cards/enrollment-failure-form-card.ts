import type { FieldErrors } from '../protocol/field-rules';
import {
  ENROLLMENT_FAILURE_FIELDS,
  type EnrollmentFailureField,
  type EnrollmentFailureFormValues,
} from '../protocol/troubleshooting-rules';
import { fieldItems, formValues, noticeView } from './card-form-parts';
import type { FormNotice } from '../protocol/form-notice';
import { plainShort } from './escape';
import { execute } from './card-action';
import { cancelAction } from './cancel-action';
import type { FormOrigin } from '../protocol/views';
import { renderCard, type AdaptiveCard } from './render';

export interface EnrollmentFailureFormInput {
  /** Values to start with (a device's identifiers, see enrollment-failure-prefill.ts) or the user's last input. */
  prefill: Partial<EnrollmentFailureFormValues>;
  /** The MMD device the form was opened from, named in the subtitle. */
  deviceName?: string;
  formId: string;
  /** The card the form was opened from (a device, the list, an event): Cancel goes back to it. */
  from?: FormOrigin;
  errors?: FieldErrors;
  notice?: FormNotice;
  now: Date;
}

const FIELDS = Object.keys(ENROLLMENT_FAILURE_FIELDS) as EnrollmentFailureField[];
const DETAIL_FIELDS: EnrollmentFailureField[] = [
  'eventName',
  'correlationId',
  'context',
  'failure',
  'failureDetails',
  'remediation',
  'resourceText',
  'resourceLink',
];
const INFO_FIELDS: EnrollmentFailureField[] = ['info1Name', 'info1Value', 'info2Name', 'info2Value', 'info3Name', 'info3Value'];

/**
 * Report an Intune enrollment failure (document 004): the enums as choice sets, device and user
 * identifiers, OS, when it happened; error details and additional key/value pairs in folded
 * sections that open when they hold input or a message.
 */
export function enrollmentFailureForm({
  prefill,
  deviceName,
  formId,
  from,
  errors = {},
  notice,
  now,
}: EnrollmentFailureFormInput): AdaptiveCard {
  const values = formValues(FIELDS, prefill);
  const opens = (ids: EnrollmentFailureField[]) => ids.some((k) => values[k] !== '' || errors[k] !== undefined);
  const device = deviceName?.trim();
  return renderCard('enrollment-failure-form', {
    subtitle: `${device ? `For device ${plainShort(device, 64)}. ` : ''}Records the failure in Intune troubleshooting (Microsoft Graph beta). Fields marked with * are required.`,
    notice: noticeView(notice, errors),
    fields: fieldItems(ENROLLMENT_FAILURE_FIELDS, values, errors, now),
    details: opens(DETAIL_FIELDS),
    info: opens(INFO_FIELDS),
    actions: [execute('Report failure', 'enrollmentFailure.report', { formId, from }, { style: 'positive' }), cancelAction(from)],
  });
}
