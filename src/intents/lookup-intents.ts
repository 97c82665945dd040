/** Devices and users: one by name or UPN, or a list with a search ("devices of Adele"). */
import { isDeviceName, isStrongDeviceName, isUpn } from './entities';
import type { Intent } from './intent';
import { joinSearch, searchBefore, searchWords, withSearch } from './search-text';
import type { Token } from './tokens';
import { SINGULAR_DEVICE } from './vocabulary';

/**
 * `at` is the device keyword. Singular with one device-like name is that device ("device
 * MMD-1234"); plural is always a search ("devices MMD").
 */
export function devicesIntent(tokens: readonly Token[], at: number): Intent {
  const upn = tokens.find((t) => isUpn(t.raw));
  if (upn) return { kind: 'devices', search: upn.lower };
  const singular = SINGULAR_DEVICE.has((tokens[at] as Token).lower);
  const rest = searchWords(tokens.slice(at + 1));
  if (singular) {
    if (rest.length === 1 && isDeviceName((rest[0] as Token).raw)) return { kind: 'device', name: (rest[0] as Token).raw };
    const strong = rest.find((t) => isStrongDeviceName(t.raw));
    if (strong) return { kind: 'device', name: strong.raw };
  }
  if (rest.length > 0) return withSearch('devices', joinSearch(rest));
  // "MMD-1234 device details": the name came first.
  const before = tokens.slice(0, at);
  const named = before.find((t) => isStrongDeviceName(t.raw));
  if (named) return { kind: 'device', name: named.raw };
  return withSearch('devices', searchBefore(before));
}

export function usersIntent(tokens: readonly Token[], at: number): Intent {
  const upn = tokens.find((t) => isUpn(t.raw));
  if (upn) return { kind: 'user', upn: upn.lower };
  const rest = searchWords(tokens.slice(at + 1));
  if (rest.length > 0) return withSearch('users', joinSearch(rest));
  return withSearch('users', searchBefore(tokens.slice(0, at)));
}

/** "who is jdoe@contoso.com", "who is Adele", "who has MMD-1234". */
export function whoIntent(tokens: readonly Token[]): Intent {
  const device = tokens.find((t) => isStrongDeviceName(t.raw));
  if (device) return { kind: 'device', name: device.raw };
  const rest = searchWords(tokens.slice(1).filter((t) => !['is', 'are', 'was', 'the'].includes(t.lower)));
  return withSearch('users', joinSearch(rest));
}
