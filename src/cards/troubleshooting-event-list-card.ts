import type { Now } from './local-time';
import type { Page } from '../http/paging';
import type { TroubleshootingEvent } from '../graph/troubleshooting-event';
import { plainJoin, plainShort, words } from './escape';
import { relativeTime } from './format';
import { execute, executeIfValid } from './card-action';
import { enumText } from './graph-format';
import { pageRange } from './paging';
import { backTo } from './back-action';
import { renderCard, type AdaptiveCard } from './render';

interface EnrollmentFailureScope {
  /** The MMD device the list is about (its name, as the user gave it). */
  deviceName?: string;
  /** The user the list is about (UPN or object id). */
  user?: string;
}

export interface TroubleshootingEventListInput {
  page: Page<TroubleshootingEvent>;
  scope: EnrollmentFailureScope;
  now: Now;
  /** MMD device names by event id (joined by Intune id): the row names the device and opens it. */
  deviceNames?: ReadonlyMap<string, string>;
}

const ONLY_DATA = { ignoreInputs: true };

/** Recent enrollment failures, newest first, for the tenant, one device or one user; rows open the event. */
export function troubleshootingEventListCard({ page, scope, now, deviceNames = new Map() }: TroubleshootingEventListInput): AdaptiveCard {
  const deviceName = scope.deviceName?.trim() || undefined;
  const user = scope.user?.trim() || undefined;
  const back = backTo({ verb: 'enrollmentFailures.page' as const, data: { deviceName, user, skip: page.skip } });
  const rows = page.items.map((event) => {
    const device = deviceNames.get(event.id);
    const openDevice = device ? executeIfValid(`Open ${plainShort(device, 30)}`, 'device.open', { name: device, back }, ONLY_DATA) : null;
    return {
      title: words(`${enumText(event.failureCategory)} · ${enumText(event.enrollmentType)}`),
      open: executeIfValid('Open', 'enrollmentFailure.open', { id: event.id.trim(), back }, ONLY_DATA),
      deviceActions: openDevice ? [openDevice] : [],
      reason: plainShort(event.failureReason ?? event.troubleshootingErrorDetails?.failure, 160, '(no reason given)'),
      detail: words(
        [
          plainJoin([event.operatingSystem, event.osVersion], 40, '', ' '),
          event.userId?.trim() ? `user ${plainShort(event.userId, 64)}` : '',
          device
            ? `device ${plainShort(device, 64)}`
            : event.managedDeviceIdentifier?.trim()
              ? `Intune ${plainShort(event.managedDeviceIdentifier, 40)}`
              : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      when: relativeTime(event.eventDateTime, now),
    };
  });
  const actions = [];
  if (page.skip > 0)
    actions.push(
      execute(
        '◀ Previous',
        'enrollmentFailures.page',
        { deviceName, user, skip: Math.max(0, page.skip - Math.max(page.top, 1)) },
        ONLY_DATA,
      ),
    );
  if (page.hasMore && page.items.length > 0)
    actions.push(execute('Next ▶', 'enrollmentFailures.page', { deviceName, user, skip: page.skip + page.items.length }, ONLY_DATA));
  const from = { verb: 'enrollmentFailures.page' as const, data: { deviceName, user, skip: page.skip } };
  const report = executeIfValid('Report enrollment failure', 'enrollmentFailure.reportForm', { deviceName, from }, ONLY_DATA);
  const about = deviceName ? `device ${plainShort(deviceName, 64)}` : user ? `user ${plainShort(user, 256)}` : 'all devices';
  return renderCard('troubleshooting-event-list', {
    summary: words([`Newest first · ${about}`, pageRange(page)].filter(Boolean).join(' · ')),
    emptyText: words(page.skip > 0 ? 'No more enrollment failures.' : `No enrollment failures for ${about}.`),
    rows,
    actions: [...actions, ...(report ? [report] : [])],
  });
}
