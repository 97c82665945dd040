import type { Now } from './local-time';
import type { BackView } from '../protocol/views';
import { backActions } from './back-action';
import type { User } from '../mmd/types';
import { executeIfValid, type ExecuteAction } from './card-action';
import { capped, facts } from './card-parts';
import { plain, plainJoin, plainShort, words } from './escape';
import { parseDate, relativeTime } from './format';
import { groupRows } from './group-rows';
import { renderCard, type AdaptiveCard } from './render';

const MAX_DEVICES = 15;

export interface UserDetailInput {
  /** The list this was opened from: a Back button restores it. */
  back?: BackView;
  user: User;
  now: Now;
}

/** One user: who they are, their devices (each opens the device) and their groups. */
export function userDetailCard({ user, now, back }: UserDetailInput): AdaptiveCard {
  const devices = capped(user.devices, MAX_DEVICES, 'devices');
  const actions: ExecuteAction[] = [];
  const refresh = executeIfValid('Refresh', 'user.open', { upn: user.upn.trim() });
  if (refresh) actions.push(refresh);
  return renderCard('user-detail', {
    back: backActions(back),
    name: plainShort(user.name?.trim() || user.upn, 100, '(no name)'),
    facts: facts([
      ['UPN', plain(user.upn)],
      ['Email', plain(user.email)],
    ]),
    devicesHeading: `Devices (${user.devices.length})`,
    devices: devices.shown.map((d) => {
      const open = executeIfValid('Open', 'device.open', { name: d.name.trim() });
      return {
        name: plainShort(d.name, 80, '(no name)'),
        nameColor: open ? 'Accent' : 'Default',
        open,
        detail: plainJoin(
          [d.model, d.ring?.trim() ? `${d.ring.trim()} ring` : null, d.serialNumber ? `serial ${d.serialNumber}` : null],
          60,
        ),
        sync: words(parseDate(d.lastIntuneSyncTime) ? `synced ${relativeTime(d.lastIntuneSyncTime, now)}` : 'last sync —'),
      };
    }),
    devicesMore: devices.more,
    ...groupRows(user.groups),
    actions,
  });
}
