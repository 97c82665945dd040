import type { Now } from './local-time';
import type { ElevationRequest } from '../mmd/types';
import type { Page } from '../http/paging';
import { backTo } from './back-action';
import { execute, executeIfValid, type ExecuteAction } from './card-action';
import { plainJoin, plainShort, words } from './escape';
import { relativeTime } from './format';
import { elevationState } from './elevation-state';
import { pageRange, pagingActions } from './paging';
import { requesterOf } from '../protocol/attribution';
import { renderCard, type AdaptiveCard } from './render';

type ElevationStateFilter = 'open' | 'closed';

export interface ElevationListInput {
  page: Page<ElevationRequest>;
  /** Set when the list is one device's requests. */
  deviceName?: string;
  /** Only open or only closed requests; absent: both. */
  state?: ElevationStateFilter;
  now: Now;
}

const HEADINGS: Record<ElevationStateFilter | 'all', string> = {
  all: 'Elevation requests',
  open: 'Open elevation requests',
  closed: 'Closed elevation requests',
};
const FILTERS: Array<[title: string, state: ElevationStateFilter | undefined]> = [
  ['All', undefined],
  ['Open', 'open'],
  ['Closed', 'closed'],
];

/**
 * One page of elevation requests. Per row the title, category / subcategory (two requests with
 * the same title differ there), device, requester and age, the state, and Open (the request,
 * with Back to this page), Device, Ticket and, while open, Close. All / Open / Closed filter.
 */
export function elevationListCard({ page, deviceName, state, now }: ElevationListInput): AdaptiveCard {
  const device = deviceName?.trim() || undefined;
  const view = backTo({ verb: 'elevations.page' as const, data: { deviceName: device, state, skip: page.skip } });
  const rows = page.items.map((request) => {
    const rowState = elevationState(request, now);
    const id = request.id.trim();
    const rowDevice = request.deviceName?.trim() || undefined;
    return {
      title: plainShort(request.title, 120, '(no title)'),
      category: plainJoin([request.category, request.subcategory], 100, 'No category', ' / '),
      detail: words(
        [
          plainShort(request.deviceName, 64, 'no device'),
          `requested by ${plainShort(requesterOf(request.requestingAgentUpn, request.planOfAction), 80)}`,
          `created ${relativeTime(request.requestCreationTime, now)}`,
        ].join(' · '),
      ),
      state: rowState,
      buttons: [
        executeIfValid('Details', 'elevation.open', { id, deviceName: rowDevice, back: view }),
        device ? null : executeIfValid('Device', 'device.open', { name: rowDevice ?? '' }),
        executeIfValid('Ticket', 'ticket.open', { id: request.partnerTicketId?.trim() ?? '' }),
        // The list travels with Close…: the form's Cancel and its result bring it back.
        rowState.open ? executeIfValid('Close…', 'elevation.closeForm', { id, deviceName: rowDevice, from: view }) : null,
      ].filter((a): a is ExecuteAction => a !== null),
    };
  });
  const quoted = device ? plainShort(device, 64) : '';
  const request = executeIfValid('Request elevation', 'elevation.requestForm', { deviceName: device, from: view });
  const kind = state ? `${state} elevation requests` : 'elevation requests';
  return renderCard('elevation-list', {
    heading: words(device ? `${HEADINGS[state ?? 'all']} for ${quoted}` : HEADINGS[state ?? 'all']),
    showing: pageRange(page),
    emptyText: words(page.skip > 0 ? `No more ${kind}.` : device ? `No ${kind} for ${quoted}.` : `No ${kind} yet.`),
    rows,
    // The shown filter is marked with ✓ (words, not only a style, so every client shows it).
    filters: FILTERS.map(([title, value]) =>
      execute(
        value === state ? `✓ ${title}` : title,
        'elevations.page',
        { deviceName: device, state: value, skip: 0 },
        { ignoreInputs: true },
      ),
    ),
    actions: [
      ...pagingActions(page, (title, skip) => execute(title, 'elevations.page', { deviceName: device, state, skip })),
      ...(request ? [request] : []),
    ],
  });
}
