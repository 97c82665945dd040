import { paginate } from '../../http/paging';
import type { Device } from '../../mmd/types';
import type { Page } from '../../http/paging';
import type { BotDeps } from '../deps';
import { pageOf } from './paging';

/**
 * What the service's device search cannot do, done here over a bounded scan of the device list:
 * the documented searchText covers name, serial number, global device id and the user's UPN and
 * email (api-docs), not compliance, model or the user's display name. The card says what was
 * searched, so a partial scan is never mistaken for the whole tenant.
 */

/** Devices read at most for one local search (the sandbox has about 60). */
const MAX_SCAN = 500;

const NON_COMPLIANT = /^(non[\s-]?compliant|not[\s-]compliant|failing compliance)$/i;

export function isNonCompliantQuery(search: string): boolean {
  return NON_COMPLIANT.test(search.trim());
}

export const isNonCompliant = (d: Device): boolean => d.complianceState?.replace(/[\s_-]+/g, '').toLowerCase() === 'noncompliant';

/** Model, manufacturer or the assigned user's name contain the words (case-insensitive). */
export function modelOrNameMatcher(search: string): (d: Device) => boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return (d) => {
    const hay = [d.model, d.manufacturer, d.assignedUser]
      .filter((v): v is string => typeof v === 'string')
      .join(' ')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  };
}

export interface LocalSearch {
  page: Page<Device>;
  /** "searched the compliance state of 60 devices". */
  searched: string;
}

/** One page of the devices that match, from a scan of at most MAX_SCAN devices. */
export async function searchDevicesLocally(
  deps: BotDeps,
  match: (d: Device) => boolean,
  what: string,
  skip: number,
  signal?: AbortSignal,
): Promise<LocalSearch> {
  const found: Device[] = [];
  let scanned = 0;
  for await (const device of paginate((q) => deps.mmd.devices.list(q, { signal }), { top: 100 }, { maxPages: MAX_SCAN / 100 })) {
    scanned += 1;
    if (match(device)) found.push(device);
    if (scanned >= MAX_SCAN) break;
  }
  const more = scanned >= MAX_SCAN ? ` (the first ${MAX_SCAN}; there may be more)` : '';
  return {
    page: pageOf(found, skip),
    searched: `Searched the ${what} of ${scanned} devices${more}: ${found.length} matched.`,
  };
}
