import { z } from 'zod';
import { bool, id, strings, text } from '../http/parse-common';
import type { ElevationDetails, ElevationRequest } from './types';

export const elevationSchema: z.ZodType<ElevationRequest> = z.object({
  id,
  tenantId: text,
  partnerId: text,
  requestingAgentUpn: text,
  partnerTicketId: text,
  deviceName: text,
  title: text,
  category: text,
  subcategory: text,
  planOfAction: text,
  actionsTaken: text,
  closingAgentUpn: text,
  requestCreationTime: text,
  requestClosureTime: text,
  requestRenewTime: text,
  isSuccessfulRequest: bool,
  viewerUpns: strings,
  passwordLastUpdatedTime: text,
  isDeleted: bool,
});

/** Holds the local admin password: never log the parsed value or put it in an error. */
export const elevationDetailsSchema: z.ZodType<ElevationDetails> = z.object({
  tenantId: text,
  deviceName: text,
  openedElevationRequestId: text,
  aadDeviceId: text,
  accountUpn: text,
  password: text,
  passwordLastUpdated: text,
  status: text,
  isPasswordChanged: bool,
  viewedBy: strings,
});
