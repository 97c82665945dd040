/**
 * Finds the device a message is about. A distinctive name (`MMD-1234`, `DESKTOP-AB12CD`) counts
 * anywhere; a plainer one (`pc01`, `win10`) only right after a word that announces a device
 * ("on pc01", "elevate pc01"), so "a ticket about win10 updates" names no device.
 */
import { isDeviceName, isStrongDeviceName } from './entities';
import type { Token } from './tokens';
import { DEVICE_LEADS } from './vocabulary';

export function findDeviceName(tokens: readonly Token[]): string | undefined {
  const strong = tokens.find((t) => isStrongDeviceName(t.raw));
  if (strong) return strong.raw;
  const weak = tokens.find((t, i) => i > 0 && DEVICE_LEADS.has((tokens[i - 1] as Token).lower) && isDeviceName(t.raw));
  return weak?.raw;
}
