/**
 * What the emulated Graph stores and sends for security incidents (beta `microsoft.graph.incident`,
 * document 003) and Intune enrollment troubleshooting events (document 004), field for field.
 * Kept apart from src/graph on purpose, like ../records.ts: the emulator plays the vendor.
 */

/** Enum values the documents list; the emulator refuses others with Graph's 400. */
export const INCIDENT_STATUSES = ['active', 'resolved', 'redirected', 'unknownFutureValue'] as const;
export const INCIDENT_SEVERITIES = ['unknown', 'informational', 'low', 'medium', 'high', 'unknownFutureValue'] as const;
export const INCIDENT_CLASSIFICATIONS = ['unknown', 'falsePositive', 'truePositive', 'benignPositive', 'unknownFutureValue'] as const;
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
  'unknownFutureValue',
] as const;
// The document's list ends with five empty values (``); they are not values a client can send.
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

/** m365AlertComment: the document shows only its type; these are the fields Graph sends. */
interface AlertCommentRecord {
  '@odata.type'?: string;
  comment?: string | null;
  createdByDisplayName?: string | null;
  createdDateTime?: string | null;
}

export interface IncidentRecord {
  '@odata.type': '#microsoft.graph.incident';
  id: string;
  incidentWebUrl: string | null;
  redirectIncidentId: string | null;
  displayName: string | null;
  createdDateTime: string;
  lastUpdateDateTime: string;
  assignedTo: string | null;
  /** Strings, not the enum types: the seeded document example carries its placeholder "String". */
  classification: string;
  determination: string;
  status: string;
  severity: string;
  tags: string[];
  comments: AlertCommentRecord[];
}

interface ErrorResourceRecord {
  '@odata.type'?: string;
  text: string | null;
  link: string | null;
}

interface ErrorDetailsRecord {
  '@odata.type'?: string;
  context: string | null;
  failure: string | null;
  failureDetails: string | null;
  remediation: string | null;
  resources: ErrorResourceRecord[];
}

interface KeyValuePairRecord {
  '@odata.type'?: string;
  name: string;
  value: string | null;
}

export interface TroubleshootingEventRecord {
  '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent';
  id: string;
  eventDateTime: string;
  correlationId: string | null;
  troubleshootingErrorDetails: ErrorDetailsRecord | null;
  eventName: string | null;
  additionalInformation: KeyValuePairRecord[];
  managedDeviceIdentifier: string | null;
  operatingSystem: string | null;
  osVersion: string | null;
  userId: string | null;
  deviceId: string | null;
  enrollmentType: string;
  failureCategory: string;
  failureReason: string | null;
}
