/**
 * Domain types of Intune enrollment troubleshooting events (document 004,
 * `microsoft.graph.enrollmentTroubleshootingEvent`) after parsing. Enum fields are kept as sent.
 */

export interface TroubleshootingResource {
  text: string | null;
  link: string | null;
}

/** deviceManagementTroubleshootingErrorDetails */
export interface TroubleshootingErrorDetails {
  context: string | null;
  failure: string | null;
  failureDetails: string | null;
  remediation: string | null;
  resources: TroubleshootingResource[];
}

/** keyValuePair */
export interface KeyValuePair {
  name: string;
  value: string | null;
}

export interface TroubleshootingEvent {
  id: string;
  eventDateTime: string | null;
  correlationId: string | null;
  eventName: string | null;
  troubleshootingErrorDetails: TroubleshootingErrorDetails | null;
  additionalInformation: KeyValuePair[];
  /** Device identifier created or collected by Intune (the MMD device's intuneId). */
  managedDeviceIdentifier: string | null;
  operatingSystem: string | null;
  osVersion: string | null;
  /** The user that tried to enroll the device. */
  userId: string | null;
  /** Entra (Azure AD) device identifier. */
  deviceId: string | null;
  enrollmentType: string | null;
  failureCategory: string | null;
  failureReason: string | null;
}
