import type { Now } from './local-time';
import { backTo } from './back-action';
import type { Device } from '../mmd/types';
import type { Page } from '../http/paging';
import { execute, executeIfValid } from './card-action';
import { plainJoin, plainShort, words } from './escape';
import { parseDate, relativeTime, statusView } from './format';
import { pageRange, pagingActions } from './paging';
import { renderCard, type AdaptiveCard } from './render';

export interface DeviceListInput {
  page: Page<Device>;
  /** What the admin searched for, if anything. */
  search?: string;
  /** When the bot searched itself (device-search.ts): what it searched, shown under the heading. */
  searched?: string;
  now: Now;
}

/** One page of devices; each row opens the device, Previous/Next keep the search. */
export function deviceListCard({ page, search, searched, now }: DeviceListInput): AdaptiveCard {
  const query = search?.trim() || undefined;
  const quoted = query ? `“${plainShort(query, 100)}”` : '';
  const rows = page.items.map((device) => {
    const name = device.name.trim();
    // A device without a usable name cannot be looked up again: show it, but not as a link.
    const open = executeIfValid('Open', 'device.open', {
      name,
      back: backTo({ verb: 'devices.page', data: { search: query, skip: page.skip } }),
    });
    return {
      name: plainShort(name, 80, '(no name)'),
      open,
      nameColor: open ? 'Accent' : 'Default',
      detail: plainJoin([device.model, device.assignedUser ?? device.userUpn, ring(device.primaryUpdateRing)], 60),
      compliance: statusView(device.complianceState),
      sync: words(
        parseDate(device.lastIntuneSyncDateTimeUtc) ? `synced ${relativeTime(device.lastIntuneSyncDateTimeUtc, now)}` : 'last sync —',
      ),
    };
  });
  return renderCard('device-list', {
    heading: words(query ? `Devices matching ${quoted}` : 'Devices'),
    showing: words([pageRange(page), searched ?? ''].filter(Boolean).join(' · ')),
    emptyText: words(emptyText(page.skip, quoted)),
    rows,
    actions: pagingActions(page, (title, skip) => execute(title, 'devices.page', { search: query, skip })),
  });
}

function ring(value: string | null): string | null {
  return value?.trim() ? `${value.trim()} ring` : null;
}

function emptyText(skip: number, quoted: string): string {
  if (skip > 0) return 'No more devices.';
  return quoted ? `No devices match ${quoted}. Try part of a device name, a serial number or a user's name or email.` : 'No devices found.';
}
