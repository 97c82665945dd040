import { CLOSE_FIELDS } from '../protocol/elevation-rules';
import type { FieldErrors } from '../protocol/field-rules';
import type { ElevationRequest } from '../mmd/types';
import { execute } from './card-action';
import { cancelAction } from './cancel-action';
import type { FormOrigin } from '../protocol/views';
import { facts } from './card-parts';
import type { FormNotice } from '../protocol/form-notice';
import { fieldItems, formValues, noticeView } from './card-form-parts';
import { plain, plainShort, words } from './escape';
import { renderCard, type AdaptiveCard } from './render';

export interface CloseFormInput {
  requestId: string;
  /** The device, when the button that opened the form named it. */
  deviceName?: string;
  /** The request itself when it could be found (title, device, ticket shown). */
  request?: ElevationRequest;
  formId: string;
  /** The card the form was opened from (the list): Cancel and the closed result go back to it. */
  from?: FormOrigin;
  values?: { actionsTaken?: string };
  errors?: FieldErrors;
  notice?: FormNotice;
  now: Date;
}

/** Close an elevation request: what was done with the rights. */
export function closeElevationForm({
  requestId,
  deviceName,
  request,
  formId,
  from,
  values,
  errors = {},
  notice,
  now,
}: CloseFormInput): AdaptiveCard {
  const device = request?.deviceName?.trim() || deviceName;
  return renderCard('elevation-close-form', {
    facts: facts(
      [
        ['Request', request?.title ? plainShort(request.title, 200) : words('')],
        ['Request ID', plain(requestId)],
        ['Device', device ? plain(device) : words('')],
        ['Linked ticket', request?.partnerTicketId ? plain(request.partnerTicketId) : words('')],
      ],
      true,
    ),
    notice: noticeView(notice, errors),
    fields: fieldItems(CLOSE_FIELDS, formValues(['actionsTaken'], values), errors, now),
    actions: [
      // The device only helps to show the request afterwards; one the verb would refuse is left out.
      execute(
        'Close request',
        'elevation.close',
        { formId, requestId, ...(device && device.length <= 64 ? { deviceName: device } : {}), from },
        { style: 'destructive' },
      ),
      cancelAction(from, true),
    ],
  });
}
