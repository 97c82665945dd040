/**
 * Form field rules of the Graph incident forms (new incident, and the small update forms on the
 * incident detail card), checked twice: by the card (input attributes) and by the server here.
 * Import path of field-rules is temporary: src/bot/forms moves to src/protocol (architecture issue).
 */
import { checkFields, type Choice, type FieldErrors, type FieldRules, type FieldValue } from './field-rules';
import {
  determinationFits,
  determinationsFor,
  graphEnumLabel,
  INCIDENT_CLASSIFICATIONS,
  INCIDENT_DETERMINATIONS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  isOneOf,
} from '../graph/graph-enums';
import type { IncidentChanges, NewIncidentInput } from '../graph/incident-body';

const choices = (values: readonly string[]): Choice[] => values.map((value) => ({ title: graphEnumLabel(value), value }));

const STATUS_CHOICES = choices(INCIDENT_STATUSES);
const SEVERITY_CHOICES = choices(INCIDENT_SEVERITIES);
const CLASSIFICATION_CHOICES = choices(INCIDENT_CLASSIFICATIONS);
/**
 * Determinations listed under the classification they go with ("True positive · Malware"), so the
 * filtered list narrows as the classification is typed; "Other" goes with any classification.
 */
export const DETERMINATION_CHOICES: Choice[] = [
  ...(['truePositive', 'benignPositive', 'falsePositive', 'unknown'] as const).flatMap((c) =>
    determinationsFor(c)
      .filter((d) => d !== 'other')
      .map((value): Choice => ({ title: `${graphEnumLabel(c)} · ${graphEnumLabel(value)}`, value })),
  ),
  { title: 'Other (any classification)', value: 'other' },
];

/** The determinations a form offers once the classification is chosen. */
export const determinationChoicesFor = (classification: string): Choice[] =>
  classification ? choices(determinationsFor(classification)) : DETERMINATION_CHOICES;

/** The refusal of a determination that does not go with the classification; undefined when it does. */
function determinationMismatch(classification: string, determination: string): string | undefined {
  if (!classification || determinationFits(classification, determination)) return undefined;
  const fit = determinationsFor(classification).map((d) => graphEnumLabel(d));
  return `${graphEnumLabel(determination)} does not go with ${graphEnumLabel(classification)}: choose ${fit.slice(0, -1).join(', ')}${fit.length > 1 ? ' or ' : ''}${fit.at(-1) ?? ''}.`;
}

/** Tags as the user types them: comma-separated words. */
const TAGS_PATTERN = '^[^,]{1,64}(\\s*,\\s*[^,]{1,64}){0,19}\\s*,?\\s*$';
const HTTPS_PATTERN = '^https://\\S+$';

/** The update forms' fields; ids are unique on the detail card, which holds all three forms. */
export const INCIDENT_UPDATE_FIELDS = {
  status: { kind: 'choice', label: 'Status', style: 'compact', required: true, choices: STATUS_CHOICES, errorMessage: 'Choose a status.' },
  assignedTo: {
    kind: 'text',
    label: 'Assigned to',
    required: false,
    maxLength: 256,
    placeholder: 'name@contoso.com (empty: unassigned)',
    errorMessage: 'Enter who the incident is assigned to (at most 256 characters).',
  },
  classification: {
    kind: 'choice',
    label: 'Classification',
    style: 'compact',
    required: true,
    choices: CLASSIFICATION_CHOICES,
    errorMessage: 'Choose a classification.',
  },
  determination: {
    kind: 'choice',
    label: 'Determination',
    style: 'filtered',
    required: false,
    choices: DETERMINATION_CHOICES,
    placeholder: 'Type to search',
    errorMessage: 'Choose a determination.',
  },
} as const satisfies FieldRules;

/** Every settable property of document 003's create (id and the two times are the service's). */
export const NEW_INCIDENT_FIELDS = {
  displayName: {
    kind: 'text',
    label: 'Title',
    required: true,
    maxLength: 256,
    placeholder: 'What happened, in a line',
    errorMessage: 'Enter a title (at most 256 characters).',
  },
  severity: {
    kind: 'choice',
    label: 'Severity',
    style: 'compact',
    required: true,
    choices: SEVERITY_CHOICES,
    errorMessage: 'Choose a severity.',
  },
  status: { ...INCIDENT_UPDATE_FIELDS.status, required: false },
  assignedTo: INCIDENT_UPDATE_FIELDS.assignedTo,
  classification: { ...INCIDENT_UPDATE_FIELDS.classification, required: false },
  determination: INCIDENT_UPDATE_FIELDS.determination,
  tags: {
    kind: 'text',
    label: 'Tags',
    required: false,
    maxLength: 600,
    regex: TAGS_PATTERN,
    placeholder: 'Finance, VIP',
    errorMessage: 'Enter up to 20 tags separated by commas, each at most 64 characters.',
  },
  comment: {
    kind: 'text',
    label: 'Comment',
    required: false,
    maxLength: 2000,
    multiline: true,
    errorMessage: 'Write a comment of at most 2000 characters.',
  },
  incidentWebUrl: {
    kind: 'text',
    label: 'Incident link',
    required: false,
    maxLength: 2048,
    regex: HTTPS_PATTERN,
    placeholder: 'https://security.microsoft.com/incidents/...',
    errorMessage: 'Enter an https:// link (at most 2048 characters).',
  },
  redirectIncidentId: {
    kind: 'text',
    label: 'Redirected to incident',
    required: false,
    maxLength: 64,
    regex: '^[A-Za-z0-9-]+$',
    placeholder: 'Only with status Redirected',
    errorMessage: 'Enter the id of the incident this one was merged into (letters, digits, -).',
  },
} as const satisfies FieldRules;

export type NewIncidentField = keyof typeof NEW_INCIDENT_FIELDS;
export type NewIncidentFormValues = Record<NewIncidentField, string>;
type IncidentUpdateField = keyof typeof INCIDENT_UPDATE_FIELDS;

const str = (v: FieldValue): string => (typeof v === 'string' ? v : '');

export type NewIncidentCheck = { ok: true; incident: NewIncidentInput } | { ok: false; errors: FieldErrors };

/** The server's check of a new incident: the card's rules plus what ties fields together. */
export function checkNewIncident(raw: Record<string, unknown>, now: Date): NewIncidentCheck {
  const { values, errors } = checkFields(NEW_INCIDENT_FIELDS, raw, now);
  const status = str(values.status);
  const redirect = str(values.redirectIncidentId);
  if (!errors.redirectIncidentId && !errors.status) {
    if (redirect && status !== 'redirected') errors.status = 'Choose Redirected when naming the incident this one was merged into.';
    else if (status === 'redirected' && !redirect) errors.redirectIncidentId = 'Name the incident this one was redirected to.';
  }
  const classification = str(values.classification);
  const determination = str(values.determination);
  if (!errors.classification && !errors.determination) {
    if (determination && !classification) errors.classification = 'Choose the classification this determination goes with.';
    const mismatch = determinationMismatch(classification, determination);
    if (mismatch) errors.determination = mismatch;
  }
  const severity = str(values.severity);
  if (Object.keys(errors).length || !isOneOf(INCIDENT_SEVERITIES, severity)) return { ok: false, errors };
  return {
    ok: true,
    incident: {
      displayName: str(values.displayName),
      severity,
      ...(isOneOf(INCIDENT_STATUSES, status) ? { status } : {}),
      ...(values.assignedTo !== undefined ? { assignedTo: str(values.assignedTo) } : {}),
      ...(isOneOf(INCIDENT_CLASSIFICATIONS, classification) ? { classification } : {}),
      ...(isOneOf(INCIDENT_DETERMINATIONS, determination) ? { determination } : {}),
      ...(values.tags !== undefined
        ? {
            tags: str(values.tags)
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
      ...(values.comment !== undefined ? { comment: str(values.comment) } : {}),
      ...(values.incidentWebUrl !== undefined ? { incidentWebUrl: str(values.incidentWebUrl) } : {}),
      ...(redirect ? { redirectIncidentId: redirect } : {}),
    },
  };
}

/** Which small form of the detail card was submitted. */
export const INCIDENT_CHANGES = ['status', 'assignment', 'classification'] as const;
export type IncidentChangeKind = (typeof INCIDENT_CHANGES)[number];

/** The fields each small form owns; the others on the card are ignored for that submit. */
const CHANGE_FIELDS: Record<IncidentChangeKind, readonly IncidentUpdateField[]> = {
  status: ['status'],
  assignment: ['assignedTo'],
  classification: ['classification', 'determination'],
};

export type IncidentUpdateCheck = { ok: true; changes: IncidentChanges } | { ok: false; errors: FieldErrors };

/** The server's check of one small update form; only that form's fields are read. */
export function checkIncidentUpdate(kind: IncidentChangeKind, raw: Record<string, unknown>, now: Date): IncidentUpdateCheck {
  const owned = CHANGE_FIELDS[kind];
  const rules = Object.fromEntries(owned.map((id) => [id, INCIDENT_UPDATE_FIELDS[id]])) as FieldRules;
  const { values, errors } = checkFields(rules, raw, now);
  if (Object.keys(errors).length) return { ok: false, errors };
  const status = str(values.status);
  const classification = str(values.classification);
  const determination = str(values.determination);
  switch (kind) {
    case 'status':
      return isOneOf(INCIDENT_STATUSES, status)
        ? { ok: true, changes: { status } }
        : { ok: false, errors: { status: INCIDENT_UPDATE_FIELDS.status.errorMessage } };
    case 'assignment':
      return { ok: true, changes: { assignedTo: str(values.assignedTo) || null } };
    case 'classification':
      if (!isOneOf(INCIDENT_CLASSIFICATIONS, classification))
        return { ok: false, errors: { classification: INCIDENT_UPDATE_FIELDS.classification.errorMessage } };
      // A pair Graph does not document ("False positive" with "Malware") is refused: nothing is sent.
      if (determinationMismatch(classification, determination))
        return { ok: false, errors: { determination: determinationMismatch(classification, determination) as string } };
      return { ok: true, changes: { classification, ...(isOneOf(INCIDENT_DETERMINATIONS, determination) ? { determination } : {}) } };
  }
}
