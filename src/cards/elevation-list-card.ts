import type { ElevationRequest, Page } from '../mmd/types';
import { execute, executeIfValid, type ExecuteAction } from './card-action';
import { plainShort } from './escape';
import { relativeTime } from './format';
import { elevationState } from './elevation-state';
import { pageRange, pagingActions } from './paging';
import { renderCard, type AdaptiveCard } from './render';

export interface ElevationListInput {
  page: Page<ElevationRequest>;
  /** Set when the list is one device's requests. */
  deviceName?: string;
  now: Date;
}

/** One page of elevation requests: per row the device, the linked ticket and, while open, Close. */
export function elevationListCard({ page, deviceName, now }: ElevationListInput): AdaptiveCard {
  const device = deviceName?.trim() || undefined;
  const rows = page.items.map((request) => {
    const state = elevationState(request, now);
    return {
      title: plainShort(request.title, 120, '(no title)'),
      detail: [
        plainShort(request.deviceName, 64, 'no device'),
        `requested by ${plainShort(request.requestingAgentUpn, 80)}`,
        `created ${relativeTime(request.requestCreationTime, now)}`,
      ].join(' · '),
      state,
      buttons: [
        device ? null : executeIfValid('Device', 'device.open', { name: request.deviceName?.trim() ?? '' }),
        executeIfValid('Ticket', 'ticket.open', { id: request.partnerTicketId?.trim() ?? '' }),
        state.open ? executeIfValid('Close…', 'elevation.closeForm', { id: request.id.trim(), deviceName: request.deviceName?.trim() || undefined }) : null,
      ].filter((a): a is ExecuteAction => a !== null),
    };
  });
  const quoted = device ? plainShort(device, 64) : '';
  const request = executeIfValid('Request elevation', 'elevation.requestForm', { deviceName: device });
  return renderCard('elevation-list', {
    heading: device ? `Elevation requests for ${quoted}` : 'Elevation requests',
    showing: pageRange(page),
    emptyText: page.skip > 0 ? 'No more elevation requests.' : device ? `No elevation requests for ${quoted}.` : 'No elevation requests yet.',
    rows,
    actions: [
      ...pagingActions(page, (title, skip) => execute(title, 'elevations.page', { deviceName: device, skip })),
      ...(request ? [request] : []),
    ],
  });
}
