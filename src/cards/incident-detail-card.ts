import { instantOf, type Now } from './local-time';
import type { FieldErrors, FieldRules } from '../protocol/field-rules';
import type { Incident } from '../graph/incident';
import { determinationChoicesFor, INCIDENT_UPDATE_FIELDS, type IncidentChangeKind } from '../protocol/incident-rules';
import { facts, type Fact } from './card-parts';
import { fieldItems, noticeView } from './card-form-parts';
import type { FormNotice } from '../protocol/form-notice';
import { plain, plainShort, words } from './escape';
import { dateTime, relativeTime } from './format';
import { executeIfValid, toggle } from './card-action';
import { backActions } from './back-action';
import type { BackView } from '../protocol/views';
import { trustedLink } from './trusted-link';
import { enumText, incidentSeverityColor, incidentStatusColor } from './graph-format';
import { renderCard, type AdaptiveCard } from './render';

const MAX_COMMENTS = 5;
const MAX_COMMENT_CHARS = 600;

export interface IncidentDetailInput {
  incident: Incident;
  /** Idempotency key of the three small update forms on this card. */
  formId: string;
  now: Now;
  /** After an update: what happened (success is a `warning`-free notice from the handler). */
  notice?: FormNotice;
  /** The server's messages for the form that was submitted; that form opens again. */
  errors?: FieldErrors;
  /** The small form to show open (the one just refused, with the user's input kept). */
  openForm?: IncidentChangeKind;
  /** The user's input of the refused form, shown back as typed. */
  input?: Partial<Record<keyof typeof INCIDENT_UPDATE_FIELDS, string>>;
  /** The list it was opened from: Back, kept across the in-place updates. */
  back?: BackView;
  /** `false` for a role that cannot change incidents: no forms, no Open MMD ticket. */
  canChange?: boolean;
}

// Each form's Save sends every input on the card (Adaptive Cards gathers them all): the card
// marks none required so a blank field of a closed form cannot block another form's Save. The
// server reads only the submitted form's fields, with their real rules (incident-rules.ts).
const CARD_RULES: FieldRules = Object.fromEntries(
  Object.entries(INCIDENT_UPDATE_FIELDS).map(([id, rule]) => [id, { ...rule, required: false }]),
);

const FORM_IDS: Record<IncidentChangeKind, string> = {
  status: 'statusForm',
  assignment: 'assignmentForm',
  classification: 'classificationForm',
};

/** One incident: its properties, newest comments, and in-place status / assignment / classification forms. */
export function incidentDetailCard({
  incident,
  formId,
  now,
  notice,
  errors = {},
  openForm,
  input = {},
  back,
  canChange = true,
}: IncidentDetailInput): AdaptiveCard {
  const id = incident.id.trim();
  const current = {
    status: incident.status?.trim() ?? '',
    assignedTo: incident.assignedTo?.trim() ?? '',
    classification: incident.classification?.trim() ?? '',
    determination: incident.determination?.trim() ?? '',
  };
  // A refused pair: the form comes back listing only the determinations of the chosen classification.
  const narrowTo = errors.determination && input.classification ? input.classification : '';
  const rules: FieldRules = narrowTo
    ? {
        ...CARD_RULES,
        determination: { ...INCIDENT_UPDATE_FIELDS.determination, required: false, choices: determinationChoicesFor(narrowTo) },
      }
    : CARD_RULES;
  const fields = fieldItems(rules, { ...current, ...input, ...(narrowTo ? { determination: '' } : {}) }, errors, instantOf(now));
  const save = (change: IncidentChangeKind) => {
    const action = canChange && executeIfValid('Save', 'incident.update', { formId, id, change, back }, { style: 'positive' });
    // Cancel closes the form on the card; nothing is sent.
    return action ? [action, toggle('Cancel', FORM_IDS[change])] : [];
  };
  const comments = incident.comments.slice(-MAX_COMMENTS).reverse();
  const link = trustedLink('Open in Microsoft Defender', incident.incidentWebUrl);
  const canUpdate = save('status').length > 0;
  return renderCard('incident-detail', {
    back: backActions(back),
    title: plainShort(incident.displayName, 200, '(no title)'),
    severity: enumText(incident.severity),
    severityColor: incidentSeverityColor(incident.severity),
    status: enumText(incident.status),
    statusColor: incidentStatusColor(incident.status),
    notice: noticeView(notice, errors),
    facts: incidentFacts(incident, now),
    commentsHeading: `Comments (${incident.comments.length})`,
    comments: comments.map((c) => ({
      heading: words([plain(c.createdByDisplayName, 'Someone'), relativeTime(c.createdDateTime, now)].filter((p) => p !== '—').join(' · ')),
      text: plainShort(c.comment, MAX_COMMENT_CHARS, '(no text)'),
    })),
    forms: {
      status: { visible: openForm === 'status', fields: fields.status, actions: save('status') },
      assignment: { visible: openForm === 'assignment', fields: fields.assignedTo, actions: save('assignment') },
      classification: {
        visible: openForm === 'classification',
        fields: [...(fields.classification ?? []), ...(fields.determination ?? [])],
        actions: save('classification'),
      },
    },
    // In the body, not the card's actions: Teams shows at most five of those.
    formToggles: canUpdate
      ? [toggle('Change status', 'statusForm'), toggle('Assign', 'assignmentForm'), toggle('Classify', 'classificationForm')]
      : [],
    actions: [
      canChange ? executeIfValid('Open MMD ticket', 'incident.ticketForm', { id }) : null,
      link,
      executeIfValid('Refresh', 'incident.open', { id, back }),
    ].filter((a) => a !== null),
  });
}

function incidentFacts(incident: Incident, now: Now): Fact[] {
  return facts(
    [
      ['ID', plain(incident.id)],
      ['Status', enumText(incident.status)],
      ['Severity', enumText(incident.severity)],
      ['Classification', enumText(incident.classification)],
      ['Determination', enumText(incident.determination)],
      ['Assigned to', plain(incident.assignedTo, 'Unassigned')],
      ['Created', dateTime(incident.createdDateTime, now)],
      ['Last updated', dateTime(incident.lastUpdateDateTime, now)],
      [
        'Tags',
        words(
          incident.tags.length
            ? incident.tags
                .slice(0, 20)
                .map((t) => plainShort(t, 64))
                .join(', ')
            : '',
        ),
      ],
      ['Redirected to', plain(incident.redirectIncidentId)],
      // The link as inert text too: the button appears only for Microsoft hosts.
      ['Link', plainShort(incident.incidentWebUrl, 300)],
    ],
    true,
  );
}
