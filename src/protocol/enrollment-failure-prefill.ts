/**
 * "Report enrollment failure" from a device card: the MMD device's identifiers in the form's
 * fields (Intune id as managedDeviceIdentifier, Entra device id as deviceId, OS version, the
 * device's user). MMD knows users by UPN only, so the UPN is the userId offered.
 */
import type { Device } from '../mmd/types';
import type { EnrollmentFailureFormValues } from './troubleshooting-rules';

export function enrollmentFailurePrefill(device: Device): Partial<EnrollmentFailureFormValues> {
  const prefill: Partial<EnrollmentFailureFormValues> = { operatingSystem: 'Windows' };
  const set = (key: keyof EnrollmentFailureFormValues, value: string | null): void => {
    if (value && value.trim()) prefill[key] = value.trim();
  };
  set('managedDeviceIdentifier', device.intuneId);
  set('deviceId', device.aadDeviceId);
  set('osVersion', device.osVersion);
  set('userId', device.userUpn);
  if (device.name.trim()) prefill.context = `Microsoft Managed Desktop device ${device.name.trim()}`;
  return prefill;
}
