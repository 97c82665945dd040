import { ELEVATION_FIELDS, type ElevationField, type ElevationInput } from '../protocol/elevation-rules';
import type { FieldErrors } from '../protocol/field-rules';
import type { Ticket } from '../mmd/types';
import { execute, type ExecuteAction } from './card-action';
import { cancelAction } from './cancel-action';
import type { FormNotice } from '../protocol/form-notice';
import { formValues, noticeView } from './card-form-parts';
import { categoryFormItems, CHOOSE_SUBCATEGORY } from './category-fields';
import { ELEVATION_CATALOG } from '../protocol/elevation-catalog';
import type { FormOrigin } from '../protocol/views';
import { truncate } from './escape';
import { renderCard, type AdaptiveCard } from './render';

export interface ElevationFormInput {
  prefill: Partial<ElevationInput>;
  /** Open tickets to link to (the choice set); empty when there are none or they could not be read. */
  openTickets: readonly Pick<Ticket, 'id' | 'title'>[];
  formId: string;
  /** The card the form was opened from: Cancel goes back to it. */
  from?: FormOrigin;
  errors?: FieldErrors;
  notice?: FormNotice;
  now: Date;
}

const FIELDS = Object.keys(ELEVATION_FIELDS) as ElevationField[];
const TICKET_ID = new RegExp(ELEVATION_FIELDS.ticketChoice.regex);

/** The elevation request form: device, linked ticket (a choice of open tickets or a typed id), title, category, plan. */
export function requestElevationForm({ prefill, openTickets, formId, from, errors = {}, notice, now }: ElevationFormInput): AdaptiveCard {
  const values = formValues(FIELDS, prefill);
  const data = { formId, ...(from ? { from } : {}) };
  const { items: fields, chosen } = categoryFormItems(
    ELEVATION_FIELDS,
    ELEVATION_CATALOG,
    values,
    errors,
    now,
    execute(CHOOSE_SUBCATEGORY, 'elevation.chooseCategory', data),
  );
  // Ids the server would refuse are not offered.
  const choices = openTickets
    .filter((t) => t.id.trim().length <= ELEVATION_FIELDS.ticketChoice.maxLength && TICKET_ID.test(t.id.trim()))
    .map((t) => ({ title: truncate(`${t.id.trim()} · ${t.title?.trim() || '(no title)'}`, 90), value: t.id.trim() }));
  const rule = ELEVATION_FIELDS.ticketChoice;
  fields.ticketChoice = choices.length
    ? [
        {
          type: 'Input.ChoiceSet',
          id: 'ticketChoice',
          label: rule.label,
          isRequired: false,
          errorMessage: rule.errorMessage,
          style: 'compact',
          placeholder: 'Choose an open ticket',
          choices,
          value: choices.some((c) => c.value === values.ticketChoice) ? values.ticketChoice : '',
        },
        ...fields.ticketChoice!.slice(1),
      ]
    : fields.ticketChoice!.slice(1);
  const actions: ExecuteAction[] = [
    ...(chosen ? [execute('Request elevation', 'elevation.create', data, { style: 'positive' })] : []),
    cancelAction(from),
  ];
  return renderCard('elevation-form', {
    notice: noticeView(notice, errors),
    fields,
    noOpenTickets: choices.length ? '' : 'No open tickets to choose from: type the id of the ticket this request belongs to.',
    // Step 1 has no Request button: the subcategory is not chosen yet.
    actions,
  });
}
