/**
 * The request body for reporting an enrollment failure
 * (`POST /beta/deviceManagement/troubleshootingEvents`) from checked form values.
 */
import type { EnrollmentType, FailureCategory } from './graph-enums';

export interface EnrollmentFailureInput {
  enrollmentType: EnrollmentType;
  failureCategory: FailureCategory;
  failureReason?: string;
  eventName?: string;
  /** ISO time of the failure; the service's "now" when absent. */
  eventDateTime?: string;
  correlationId?: string;
  managedDeviceIdentifier?: string;
  deviceId?: string;
  userId?: string;
  operatingSystem?: string;
  osVersion?: string;
  context?: string;
  failure?: string;
  failureDetails?: string;
  remediation?: string;
  resources?: { text: string; link: string }[];
  additionalInformation?: { name: string; value: string }[];
}

export interface TroubleshootingEventCreateBody {
  '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent';
  enrollmentType: EnrollmentType;
  failureCategory: FailureCategory;
  failureReason?: string;
  eventName?: string;
  eventDateTime?: string;
  correlationId?: string;
  managedDeviceIdentifier?: string;
  deviceId?: string;
  userId?: string;
  operatingSystem?: string;
  osVersion?: string;
  troubleshootingErrorDetails?: {
    '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorDetails';
    context?: string;
    failure?: string;
    failureDetails?: string;
    remediation?: string;
    resources?: { '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorResource'; text: string; link: string }[];
  };
  additionalInformation?: { '@odata.type': 'microsoft.graph.keyValuePair'; name: string; value: string }[];
}

type TextKey =
  | 'failureReason'
  | 'eventName'
  | 'eventDateTime'
  | 'correlationId'
  | 'managedDeviceIdentifier'
  | 'deviceId'
  | 'userId'
  | 'operatingSystem'
  | 'osVersion';
const TEXT_KEYS: TextKey[] = [
  'failureReason',
  'eventName',
  'eventDateTime',
  'correlationId',
  'managedDeviceIdentifier',
  'deviceId',
  'userId',
  'operatingSystem',
  'osVersion',
];

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function troubleshootingEventCreateBody(input: EnrollmentFailureInput): TroubleshootingEventCreateBody {
  const body: TroubleshootingEventCreateBody = {
    '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent',
    enrollmentType: input.enrollmentType,
    failureCategory: input.failureCategory,
  };
  for (const key of TEXT_KEYS) {
    const value = present(input[key]);
    if (value) body[key] = value;
  }
  const details: NonNullable<TroubleshootingEventCreateBody['troubleshootingErrorDetails']> = {
    '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorDetails',
  };
  for (const key of ['context', 'failure', 'failureDetails', 'remediation'] as const) {
    const value = present(input[key]);
    if (value) details[key] = value;
  }
  const resources = (input.resources ?? [])
    .map((r) => ({ text: r.text.trim(), link: r.link.trim() }))
    .filter((r) => r.text || r.link)
    .map((r) => ({ '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorResource' as const, ...r }));
  if (resources.length > 0) details.resources = resources;
  if (Object.keys(details).length > 1) body.troubleshootingErrorDetails = details;
  const pairs = (input.additionalInformation ?? [])
    .map((p) => ({ name: p.name.trim(), value: p.value.trim() }))
    .filter((p) => p.name)
    .map((p) => ({ '@odata.type': 'microsoft.graph.keyValuePair' as const, ...p }));
  if (pairs.length > 0) body.additionalInformation = pairs;
  return body;
}
