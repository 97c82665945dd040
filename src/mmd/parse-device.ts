import { z } from 'zod';
import { listOf, name, num, text } from '../http/parse-common';
import type { Device, DeviceConfiguration, DeviceGroup } from './types';

export const deviceGroupSchema: z.ZodType<DeviceGroup> = z.object({
  id: text,
  displayName: text,
  description: text,
  countMembers: num,
});

const configurationSchema: z.ZodType<DeviceConfiguration> = z.object({
  id: text,
  type: text,
  name: text,
  version: text,
  createdUtc: text,
  lastModifiedUtc: text,
  deploymentStatus: text,
  lastReportedStatusUtc: text,
});

/** A device; `name` may be "" or null in real answers: kept, as "". */
export const deviceSchema: z.ZodType<Device> = z.object({
  name,
  intuneId: text,
  manufacturer: text,
  model: text,
  serialNumber: text,
  globalDeviceId: text,
  enrolledIntoIntuneDateTimeUtc: text,
  tenantId: text,
  tenantName: text,
  assignedUser: text,
  userUpn: text,
  userEmail: text,
  complianceState: text,
  osVersion: text,
  primaryUpdateRing: text,
  lastIntuneSyncDateTimeUtc: text,
  ageInMonths: num,
  planType: text,
  persona: text,
  aadDeviceId: text,
  managementAgent: text,
  operatingSystemEdition: text,
  profileAssignmentStatus: text,
  groups: listOf(deviceGroupSchema),
  configurations: listOf(configurationSchema),
});
