/**
 * Domain types of the MMD API, as the rest of the bot sees them after parsing at the boundary
 * (`src/mmd/parse.ts`). They follow the documents' camelCase names. Every field the documents
 * show as possibly null is `| null`; enum-like fields are plain strings because the real service
 * drifts ("Change Request", "Other "): helpers in `src/mmd/enums.ts` normalise them for display.
 */

export interface DeviceGroup {
  id: string | null;
  displayName: string | null;
  description: string | null;
  countMembers: number | null;
}

export interface DeviceConfiguration {
  id: string | null;
  /** Policy, Script, App, ... */
  type: string | null;
  name: string | null;
  version: string | null;
  createdUtc: string | null;
  lastModifiedUtc: string | null;
  /** Compliant, Success, Failed, Error, NotApplicable, Pending, ... */
  deploymentStatus: string | null;
  lastReportedStatusUtc: string | null;
}

export interface Device {
  name: string;
  intuneId: string | null;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  globalDeviceId: string | null;
  enrolledIntoIntuneDateTimeUtc: string | null;
  tenantId: string | null;
  tenantName: string | null;
  assignedUser: string | null;
  userUpn: string | null;
  userEmail: string | null;
  /** Compliant, NonCompliant, Unknown, ... */
  complianceState: string | null;
  osVersion: string | null;
  /** Test, First, Fast, Broad */
  primaryUpdateRing: string | null;
  lastIntuneSyncDateTimeUtc: string | null;
  ageInMonths: number | null;
  planType: string | null;
  /** Standard, SensitiveData, PowerUser, Kiosk, Starter */
  persona: string | null;
  aadDeviceId: string | null;
  managementAgent: string | null;
  operatingSystemEdition: string | null;
  profileAssignmentStatus: string | null;
  groups: DeviceGroup[];
  configurations: DeviceConfiguration[];
}

/** The short device record embedded in a user. */
export interface UserDevice {
  serialNumber: string | null;
  name: string;
  model: string | null;
  ring: string | null;
  lastIntuneSyncTime: string | null;
}

export interface User {
  name: string | null;
  upn: string;
  email: string | null;
  groups: DeviceGroup[];
  devices: UserDevice[];
}

export interface TicketContact {
  id: string | null;
  givenName: string | null;
  surname: string | null;
  email: string | null;
  phoneNumber: string | null;
  preferredLanguageId: string | null;
}

export interface TicketNote {
  id: number | string | null;
  type: string | null;
  /** "html": the text may hold HTML. */
  renderType: string | null;
  createdDateTime: string | null;
  modifiedDateTime: string | null;
  text: string;
  sender: string | null;
}

export interface Ticket {
  id: string;
  title: string | null;
  description: string | null;
  isPartner: boolean | null;
  /** RequestForInformation, ChangeRequest ("Change Request"), Incident */
  type: string | null;
  category: string | null;
  subcategory: string | null;
  compromiseIndicator: string | null;
  usersOrDevicesImpacted: number | null;
  relatedAlerts: string | null;
  businessImpact: string | null;
  issueFirstNoticed: string | null;
  issueReproduced: boolean | null;
  endUserSupportEngaged: boolean | null;
  troubleshootingSteps: string | null;
  nextActionOwner: string | null;
  nextActionTime: string | null;
  reproSteps: string | null;
  /** 1 (critical) .. 4 (low); 2 is "high". */
  severity: number | null;
  /** active, resolved, ... */
  state: string | null;
  createdDateTime: string | null;
  resolvedDateTime: string | null;
  contact: TicketContact | null;
  notes: TicketNote[];
}

export type TicketType = 'RequestForInformation' | 'ChangeRequest' | 'Incident';

interface NewTicketContact {
  givenName: string;
  surname: string;
  email: string;
  phoneNumber: string;
}

/** Body of POST /tickets. Optional fields are the incident ones. */
export interface NewTicket {
  title: string;
  description: string;
  type: TicketType;
  category: string;
  subcategory: string;
  severity: number;
  contact: NewTicketContact;
  usersOrDevicesImpacted?: number;
  businessImpact?: string;
  issueFirstNoticed?: string;
  issueReproduced?: boolean;
  endUserSupportEngaged?: boolean;
  troubleshootingSteps?: string;
  reproSteps?: string;
}

export interface ElevationRequest {
  id: string;
  tenantId: string | null;
  partnerId: string | null;
  requestingAgentUpn: string | null;
  partnerTicketId: string | null;
  deviceName: string | null;
  title: string | null;
  category: string | null;
  subcategory: string | null;
  planOfAction: string | null;
  actionsTaken: string | null;
  closingAgentUpn: string | null;
  requestCreationTime: string | null;
  requestClosureTime: string | null;
  requestRenewTime: string | null;
  isSuccessfulRequest: boolean | null;
  viewerUpns: string[];
  passwordLastUpdatedTime: string | null;
  isDeleted: boolean | null;
}

export interface NewElevationRequest {
  partnerTicketId: string;
  deviceName: string;
  title: string;
  category: string;
  subcategory: string;
  planOfAction: string;
}

/**
 * GET devices/{name}/elevationDetails. `password` is the device's local administrator password:
 * a secret. It is never logged, stored or put in an error (see docs/security.md).
 */
export interface ElevationDetails {
  tenantId: string | null;
  deviceName: string | null;
  openedElevationRequestId: string | null;
  aadDeviceId: string | null;
  accountUpn: string | null;
  password: string | null;
  passwordLastUpdated: string | null;
  status: string | null;
  isPasswordChanged: boolean | null;
  viewedBy: string[];
}

// Shared with Graph: src/http/paging.ts.
