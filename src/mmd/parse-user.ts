import { z } from 'zod';
import { deviceGroupSchema } from './parse-device';
import { id, listOf, name, text } from '../http/parse-common';
import type { User, UserDevice } from './types';

const userDeviceSchema: z.ZodType<UserDevice> = z.object({
  serialNumber: text,
  name,
  model: text,
  ring: text,
  lastIntuneSyncTime: text,
});

/** A user; without a upn there is nothing to address it by, so such an item is dropped. */
export const userSchema: z.ZodType<User> = z.object({
  name: text,
  upn: id,
  email: text,
  groups: listOf(deviceGroupSchema),
  devices: listOf(userDeviceSchema),
});
