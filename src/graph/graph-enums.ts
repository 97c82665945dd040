/**
 * The enum values documents 003 (incident) and 004 (enrollment troubleshooting event) list, and
 * labels for people. Parsed records keep whatever the service sent (Graph adds values behind
 * `unknownFutureValue`, the beta example even sends "String"): labels show an unknown value as
 * given, so nothing is hidden and nothing crashes.
 */

export const INCIDENT_STATUSES = ['active', 'resolved', 'redirected'] as const;
export const INCIDENT_SEVERITIES = ['unknown', 'informational', 'low', 'medium', 'high'] as const;
export const INCIDENT_CLASSIFICATIONS = ['unknown', 'falsePositive', 'truePositive', 'benignPositive'] as const;
export const INCIDENT_DETERMINATIONS = [
  'unknown',
  'apt',
  'malware',
  'securityPersonnel',
  'securityTesting',
  'unwantedSoftware',
  'other',
  'multiStagedAttack',
  'compromisedUser',
  'phishing',
  'maliciousUserActivity',
  'clean',
  'insufficientData',
  'confirmedUserActivity',
  'lineOfBusinessApplication',
] as const;
// Document 004 ends the list with five empty values (``): not values anyone can send.
export const ENROLLMENT_TYPES = [
  'unknown',
  'userEnrollment',
  'deviceEnrollmentManager',
  'appleBulkWithUser',
  'appleBulkWithoutUser',
  'windowsAzureADJoin',
  'windowsBulkUserless',
  'windowsAutoEnrollment',
  'windowsBulkAzureDomainJoin',
  'windowsCoManagement',
  'windowsAzureADJoinUsingDeviceAuth',
  'appleUserEnrollment',
  'appleUserEnrollmentWithServiceAccount',
  'azureAdJoinUsingAzureVmExtension',
  'androidEnterpriseDedicatedDevice',
  'androidEnterpriseFullyManaged',
  'androidEnterpriseCorporateWorkProfile',
] as const;
export const FAILURE_CATEGORIES = [
  'unknown',
  'authentication',
  'authorization',
  'accountValidation',
  'userValidation',
  'deviceNotSupported',
  'inMaintenance',
  'badRequest',
  'featureNotSupported',
  'enrollmentRestrictionsEnforced',
  'clientDisconnected',
  'userAbandonment',
] as const;

/**
 * Which determinations go with which classification, as Graph documents them for incidents and
 * alerts: a true positive is an attack (multi-staged attack, malicious user activity, compromised
 * user, malware, phishing, unwanted software; apt from the older list), a benign positive is
 * expected activity (security testing or personnel, line-of-business application, confirmed user
 * activity), a false positive is clean or has too little data; "other" goes with each of the
 * three, "unknown" only with an unknown classification. Document 003's spellings, plus v1.0's
 * (compromisedAccount, notMalicious, notEnoughDataToValidate, confirmedActivity) for reading.
 */
const DETERMINATIONS_BY_CLASSIFICATION: ReadonlyMap<string, readonly string[]> = new Map([
  ['unknown', ['unknown']],
  [
    'truePositive',
    [
      'multiStagedAttack',
      'maliciousUserActivity',
      'compromisedUser',
      'compromisedAccount',
      'malware',
      'phishing',
      'unwantedSoftware',
      'apt',
      'other',
    ],
  ],
  [
    'benignPositive',
    ['securityTesting', 'securityPersonnel', 'lineOfBusinessApplication', 'confirmedUserActivity', 'confirmedActivity', 'other'],
  ],
  ['falsePositive', ['clean', 'notMalicious', 'insufficientData', 'notEnoughDataToValidate', 'other']],
]);

/** Does `determination` go with `classification`? A blank determination goes with any. */
export function determinationFits(classification: string, determination: string): boolean {
  if (!determination) return true;
  return DETERMINATIONS_BY_CLASSIFICATION.get(classification)?.includes(determination) ?? false;
}

/** The determinations that go with `classification`, of those this bot offers. */
export function determinationsFor(classification: string): IncidentDetermination[] {
  const fit = DETERMINATIONS_BY_CLASSIFICATION.get(classification) ?? [];
  return INCIDENT_DETERMINATIONS.filter((d) => fit.includes(d));
}

/** Graph's marker for "a value newer than this client": never offered, shown as such. */
const UNKNOWN_FUTURE_VALUE = 'unknownFutureValue';

export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export type IncidentClassification = (typeof INCIDENT_CLASSIFICATIONS)[number];
export type IncidentDetermination = (typeof INCIDENT_DETERMINATIONS)[number];
export type EnrollmentType = (typeof ENROLLMENT_TYPES)[number];
export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

/** Is `value` one of `values`? (a type guard, so a checked string narrows to the enum). */
export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

// Maps, not object literals: a raw value like "constructor" must not find a prototype member.
const LABELS = new Map<string, string>([
  ['active', 'Active'],
  ['resolved', 'Resolved'],
  ['redirected', 'Redirected'],
  ['informational', 'Informational'],
  ['low', 'Low'],
  ['medium', 'Medium'],
  ['high', 'High'],
  ['unknown', 'Unknown'],
  ['falsePositive', 'False positive'],
  ['truePositive', 'True positive'],
  ['benignPositive', 'Benign positive'],
  ['apt', 'Advanced persistent threat'],
  ['securityPersonnel', 'Security personnel'],
  ['securityTesting', 'Security testing'],
  ['unwantedSoftware', 'Unwanted software'],
  ['multiStagedAttack', 'Multi-staged attack'],
  ['compromisedUser', 'Compromised user'],
  ['maliciousUserActivity', 'Malicious user activity'],
  ['insufficientData', 'Insufficient data'],
  ['confirmedUserActivity', 'Confirmed user activity'],
  ['lineOfBusinessApplication', 'Line-of-business application'],
  ['userEnrollment', 'User enrollment'],
  ['deviceEnrollmentManager', 'Device enrollment manager'],
  ['appleBulkWithUser', 'Apple bulk, with user'],
  ['appleBulkWithoutUser', 'Apple bulk, without user'],
  ['windowsAzureADJoin', 'Windows Entra join'],
  ['windowsBulkUserless', 'Windows bulk, userless'],
  ['windowsAutoEnrollment', 'Windows automatic enrollment'],
  ['windowsBulkAzureDomainJoin', 'Windows bulk Entra join'],
  ['windowsCoManagement', 'Windows co-management'],
  ['windowsAzureADJoinUsingDeviceAuth', 'Windows Entra join with device auth'],
  ['appleUserEnrollment', 'Apple user enrollment'],
  ['appleUserEnrollmentWithServiceAccount', 'Apple user enrollment with service account'],
  ['azureAdJoinUsingAzureVmExtension', 'Entra join with the Azure VM extension'],
  ['androidEnterpriseDedicatedDevice', 'Android Enterprise dedicated device'],
  ['androidEnterpriseFullyManaged', 'Android Enterprise fully managed'],
  ['androidEnterpriseCorporateWorkProfile', 'Android Enterprise corporate work profile'],
  ['authentication', 'Authentication'],
  ['authorization', 'Authorization'],
  ['accountValidation', 'Account validation'],
  ['userValidation', 'User validation'],
  ['deviceNotSupported', 'Device not supported'],
  ['inMaintenance', 'Service in maintenance'],
  ['badRequest', 'Bad request'],
  ['featureNotSupported', 'Feature not supported'],
  ['enrollmentRestrictionsEnforced', 'Enrollment restrictions enforced'],
  ['clientDisconnected', 'Client disconnected'],
  ['userAbandonment', 'User abandoned enrollment'],
  ['malware', 'Malware'],
  ['phishing', 'Phishing'],
  ['other', 'Other'],
  ['clean', 'Clean'],
  ['compromisedAccount', 'Compromised account'],
  ['notMalicious', 'Not malicious'],
  ['notEnoughDataToValidate', 'Not enough data to validate'],
  ['confirmedActivity', 'Confirmed activity'],
  [UNKNOWN_FUTURE_VALUE, 'Newer value, not known to this bot'],
]);

/**
 * A label for any of the enums above: "True positive". A value this bot does not know is shown
 * as sent (trimmed); null or blank is "Not set".
 */
export function graphEnumLabel(raw: string | null): string {
  if (raw === null || raw.trim() === '') return 'Not set';
  return LABELS.get(raw.trim()) ?? raw.trim();
}

/** Whether the label above is a known value (cards mark the others). */
export function isKnownGraphValue(raw: string | null): boolean {
  return raw !== null && LABELS.has(raw.trim());
}
