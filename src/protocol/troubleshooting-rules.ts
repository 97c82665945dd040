/**
 * Form field rules of "report enrollment failure" (document 004's create), checked by the card
 * and again by the server. The enums are choice sets; error details, one help resource and up to
 * three key/value pairs of additional information are plain fields, so the form needs no round
 * trip to grow. Lengths keep the whole form, filled to every limit, under Teams' 28 KB. Import paths of ../bot/forms are temporary (architecture issue).
 */
import { checkFields, type Choice, type FieldErrors, type FieldRules, type FieldValue } from './field-rules';
import { toInstant } from './ticket-rules';
import { ENROLLMENT_TYPES, FAILURE_CATEGORIES, graphEnumLabel, isOneOf } from '../graph/graph-enums';
import type { EnrollmentFailureInput } from '../graph/troubleshooting-event-body';

const choices = (values: readonly string[]): Choice[] => values.map((value) => ({ title: graphEnumLabel(value), value }));

const ENROLLMENT_TYPE_CHOICES = choices(ENROLLMENT_TYPES);
const FAILURE_CATEGORY_CHOICES = choices(FAILURE_CATEGORIES);

const HTTPS_PATTERN = '^https://\\S+$';
const text = (label: string, maxLength: number, extra: { multiline?: boolean; placeholder?: string } = {}) =>
  ({ kind: 'text', label, required: false, maxLength, ...extra, errorMessage: `Enter at most ${maxLength} characters.` }) as const;

/** The numbered key/value pairs (additionalInformation) the form offers. */
const INFO_PAIRS = [1, 2, 3] as const;

export const ENROLLMENT_FAILURE_FIELDS = {
  enrollmentType: {
    kind: 'choice',
    label: 'Enrollment type',
    style: 'filtered',
    required: true,
    choices: ENROLLMENT_TYPE_CHOICES,
    placeholder: 'Type to search',
    errorMessage: 'Choose how the device was being enrolled.',
  },
  failureCategory: {
    kind: 'choice',
    label: 'Failure category',
    style: 'compact',
    required: true,
    choices: FAILURE_CATEGORY_CHOICES,
    errorMessage: 'Choose the kind of failure.',
  },
  failureReason: {
    kind: 'text',
    label: 'Failure reason',
    required: true,
    maxLength: 1000,
    multiline: true,
    placeholder: 'The error the user saw, e.g. 0x80180014',
    errorMessage: 'Describe why enrollment failed (at most 1000 characters).',
  },
  eventDate: {
    kind: 'date',
    label: 'When (day)',
    required: false,
    notAfterToday: true,
    errorMessage: 'Choose a day that is not in the future.',
  },
  eventTime: { kind: 'time', label: 'When (time)', required: false, errorMessage: 'Enter a time such as 09:30.' },
  managedDeviceIdentifier: text('Intune device id', 64, { placeholder: 'managedDeviceIdentifier' }),
  deviceId: text('Entra device id', 64, { placeholder: 'deviceId' }),
  userId: text('User', 256, { placeholder: 'The user who enrolled: object id or UPN' }),
  operatingSystem: text('Operating system', 64, { placeholder: 'Windows' }),
  osVersion: text('OS version', 64, { placeholder: '10.0.22631.4460' }),
  eventName: text('Event name', 256),
  correlationId: text('Correlation id', 128),
  context: text('Context', 1000, { multiline: true, placeholder: 'What was happening: Autopilot, first sign-in, ...' }),
  failure: text('Failure', 1000, { multiline: true }),
  failureDetails: text('Failure details', 1000, { multiline: true }),
  remediation: text('Remediation', 1000, { multiline: true, placeholder: 'What fixes it, if known' }),
  resourceText: text('Help link text', 200),
  resourceLink: {
    kind: 'text',
    label: 'Help link',
    required: false,
    maxLength: 1000,
    regex: HTTPS_PATTERN,
    placeholder: 'https://learn.microsoft.com/...',
    errorMessage: 'Enter an https:// link (at most 1000 characters).',
  },
  info1Name: text('Name', 64),
  info1Value: text('Value', 200),
  info2Name: text('Name', 64),
  info2Value: text('Value', 200),
  info3Name: text('Name', 64),
  info3Value: text('Value', 200),
} as const satisfies FieldRules;

export type EnrollmentFailureField = keyof typeof ENROLLMENT_FAILURE_FIELDS;
export type EnrollmentFailureFormValues = Record<EnrollmentFailureField, string>;

export type EnrollmentFailureCheck = { ok: true; event: EnrollmentFailureInput } | { ok: false; errors: FieldErrors };

const str = (v: FieldValue): string => (typeof v === 'string' ? v : '');

const SIMPLE_KEYS = [
  'failureReason',
  'managedDeviceIdentifier',
  'deviceId',
  'userId',
  'operatingSystem',
  'osVersion',
  'eventName',
  'correlationId',
  'context',
  'failure',
  'failureDetails',
  'remediation',
] as const;

/**
 * The server's check of a report: the card's rules, then what ties fields together (a device or
 * a user to report on, a time needs its day, a link for the link text, a name for each value).
 * `utcOffsetMinutes` is the user's offset for the day and time they typed.
 */
export function checkEnrollmentFailure(raw: Record<string, unknown>, now: Date, utcOffsetMinutes = 0): EnrollmentFailureCheck {
  const { values, errors } = checkFields(ENROLLMENT_FAILURE_FIELDS, raw, now);
  if (
    !errors.managedDeviceIdentifier &&
    !errors.deviceId &&
    !errors.userId &&
    !values.managedDeviceIdentifier &&
    !values.deviceId &&
    !values.userId
  ) {
    errors.managedDeviceIdentifier = 'Name the device (Intune or Entra device id) or the user the failure happened to.';
  }
  let eventDateTime: string | undefined;
  if (!errors.eventDate && !errors.eventTime) {
    if (values.eventTime !== undefined && values.eventDate === undefined) errors.eventDate = 'Choose the day as well as the time.';
    else if (values.eventDate !== undefined) {
      eventDateTime = toInstant(str(values.eventDate), str(values.eventTime) || '00:00', utcOffsetMinutes);
      if (eventDateTime > now.toISOString()) errors.eventTime = 'That moment is in the future. Enter when enrollment failed.';
    }
  }
  if (!errors.resourceLink && values.resourceText !== undefined && values.resourceLink === undefined) {
    errors.resourceLink = 'Add the link the text points to, or clear the text.';
  }
  const pairs: { name: string; value: string }[] = [];
  for (const n of INFO_PAIRS) {
    const name = str(values[`info${n}Name`]);
    const value = str(values[`info${n}Value`]);
    if (value && !name && !errors[`info${n}Name`]) errors[`info${n}Name`] = 'Give the value a name.';
    else if (name) pairs.push({ name, value });
  }
  const enrollmentType = str(values.enrollmentType);
  const failureCategory = str(values.failureCategory);
  if (Object.keys(errors).length || !isOneOf(ENROLLMENT_TYPES, enrollmentType) || !isOneOf(FAILURE_CATEGORIES, failureCategory)) {
    return { ok: false, errors };
  }
  const event: EnrollmentFailureInput = { enrollmentType, failureCategory };
  for (const key of SIMPLE_KEYS) if (values[key] !== undefined) event[key] = str(values[key]);
  if (eventDateTime) event.eventDateTime = eventDateTime;
  if (values.resourceLink !== undefined)
    event.resources = [{ text: str(values.resourceText) || str(values.resourceLink), link: str(values.resourceLink) }];
  if (pairs.length) event.additionalInformation = pairs;
  return { ok: true, event };
}
