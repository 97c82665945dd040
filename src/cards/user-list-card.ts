import type { Now } from './local-time';
import { backTo } from './back-action';
import type { User } from '../mmd/types';
import type { Page } from '../http/paging';
import { execute, executeIfValid } from './card-action';
import { plainJoin, plainShort, words } from './escape';
import { parseDate, relativeTime } from './format';
import { pageRange, pagingActions } from './paging';
import { renderCard, type AdaptiveCard } from './render';

export interface UserListInput {
  page: Page<User>;
  search?: string;
  now: Now;
}

/** One page of users; each row opens the user, Previous/Next keep the search. */
export function userListCard({ page, search, now }: UserListInput): AdaptiveCard {
  const query = search?.trim() || undefined;
  const quoted = query ? `“${plainShort(query, 100)}”` : '';
  // "Users with managed devices" (help, README): a user the service lists with none is left out, and counted.
  const withDevices = page.items.filter((user) => user.devices.length > 0);
  const without = page.items.length - withDevices.length;
  const rows = withDevices.map((user) => {
    const open = executeIfValid('Open', 'user.open', {
      upn: user.upn.trim(),
      back: backTo({ verb: 'users.page', data: { search: query, skip: page.skip } }),
    });
    return {
      name: plainShort(user.name?.trim() || user.upn, 80, '(no name)'),
      nameColor: open ? 'Accent' : 'Default',
      detail: plainJoin([user.upn, user.email?.trim().toLowerCase() !== user.upn.trim().toLowerCase() ? user.email : null], 80),
      open,
      devices: words(`${user.devices.length} ${user.devices.length === 1 ? 'device' : 'devices'}`),
      sync: words(lastSync(user, now)),
    };
  });
  return renderCard('user-list', {
    heading: words(query ? `Users matching ${quoted}` : 'Users'),
    showing: words([pageRange(page), without ? `${without} without managed devices left out` : ''].filter(Boolean).join(' · ')),
    emptyText: words(
      page.skip > 0
        ? 'No more users.'
        : query
          ? `No users match ${quoted}. Try part of a name, a UPN or an email address.`
          : 'No users found.',
    ),
    rows,
    actions: pagingActions(page, (title, skip) => execute(title, 'users.page', { search: query, skip })),
  });
}

/** The most recent sync among the user's devices. */
function lastSync(user: User, now: Now): string {
  const latest = user.devices
    .map((d) => parseDate(d.lastIntuneSyncTime))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return latest ? `synced ${relativeTime(latest.toISOString(), now)}` : '';
}
