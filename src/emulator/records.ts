/**
 * What the emulated service stores and sends, field for field as the documents show them
 * (camelCase, with the extra fields the documents carry: tenantName, ttl, eTag, emails...).
 * Kept apart from src/mmd/types.ts on purpose: the emulator plays the vendor, so a drift between
 * the client's types and these is something the tests should find, not hide.
 */

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string;
  countMembers: number | null;
}

export interface ConfigurationRecord {
  id: string;
  type: string;
  name: string;
  version: string;
  createdUtc: string;
  lastModifiedUtc: string;
  deploymentStatus: string;
  lastReportedStatusUtc: string;
}

export interface DeviceRecord {
  name: string;
  intuneId: string | null;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  globalDeviceId: string | null;
  enrolledIntoIntuneDateTimeUtc: string | null;
  tenantId: string;
  tenantName: null;
  assignedUser: string | null;
  userUpn: string | null;
  userEmail: string | null;
  complianceState: string;
  osVersion: string | null;
  primaryUpdateRing: string;
  lastIntuneSyncDateTimeUtc: string | null;
  ageInMonths: number;
  planType: string;
  persona: string;
  aadDeviceId: string;
  managementAgent: string | null;
  operatingSystemEdition: string | null;
  profileAssignmentStatus: string;
  /** Empty in lists, as in the documents; filled by the entity GET. */
  groups: GroupRecord[];
  configurations: ConfigurationRecord[];
}

interface UserDeviceRecord {
  serialNumber: string | null;
  name: string;
  model: string | null;
  ring: string;
  lastIntuneSyncTime: string | null;
}

export interface UserRecord {
  name: string;
  upn: string;
  email: string | null;
  groups: GroupRecord[];
  devices: UserDeviceRecord[];
}

interface ContactRecord {
  id: string;
  givenName: string;
  surname: string;
  email: string;
  phoneNumber: string;
  preferredLanguageId: string;
}

export interface NoteRecord {
  id: number;
  type: string;
  renderType: string;
  createdDateTime: string;
  modifiedDateTime: string;
  text: string;
  sender: string;
}

export interface TicketRecord {
  title: string;
  description: string;
  isPartner: boolean;
  type: string;
  category: string;
  subcategory: string;
  compromiseIndicator: string | null;
  usersOrDevicesImpacted: number | null;
  relatedAlerts: string | null;
  businessImpact: string | null;
  issueFirstNoticed: string | null;
  issueReproduced: boolean | null;
  endUserSupportEngaged: boolean | null;
  troubleshootingSteps: string | null;
  nextActionOwner: string;
  nextActionTime: string | null;
  reproSteps: string | null;
  id: string;
  severity: number;
  state: string;
  createdDateTime: string;
  resolvedDateTime: string | null;
  contact: ContactRecord;
  emails: unknown[];
  attachments: unknown[];
  notes: NoteRecord[];
}

export interface ElevationRecord {
  id: string;
  tenantId: string;
  partnerId: string;
  requestingAgentUpn: string;
  partnerTicketId: string;
  deviceName: string;
  title: string;
  category: string;
  subcategory: string;
  planOfAction: string;
  actionsTaken: string;
  closingAgentUpn: string;
  requestCreationTime: string;
  requestClosureTime: string | null;
  requestRenewTime: string | null;
  isSuccessfulRequest: boolean;
  viewerUpns: string[];
  passwordLastUpdatedTime: string;
  isDeleted: boolean;
  ttl: number;
  eTag: string | null;
}

/** The secret half of an open elevation: never part of a list, only of elevationDetails. */
export interface ElevationSecret {
  password: string;
  passwordLastUpdated: string;
  viewedBy: string[];
}
