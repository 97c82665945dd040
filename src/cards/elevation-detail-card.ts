import type { Now } from './local-time';
import type { ElevationRequest } from '../mmd/types';
import type { BackView } from '../protocol/views';
import { backActions } from './back-action';
import { executeIfValid, type ExecuteAction } from './card-action';
import { facts } from './card-parts';
import { plain, plainJoin, plainShort, words } from './escape';
import { dateTime } from './format';
import { elevationState } from './elevation-state';
import { requesterOf } from '../protocol/attribution';
import { renderCard, type AdaptiveCard } from './render';

const MAX_SECTION_CHARS = 2000;
const MAX_VIEWERS = 10;

export interface ElevationDetailInput {
  request: ElevationRequest;
  /** The list this was opened from: a Back button restores it. */
  back?: BackView;
  now: Now;
}

/** Close request…: the form's Cancel and its result come back to this card (with its Back). */
function closeData(request: ElevationRequest, back: BackView | undefined) {
  const id = request.id.trim();
  const deviceName = request.deviceName?.trim() || undefined;
  return { id, deviceName, from: { verb: 'elevation.open' as const, data: { id, deviceName, back } } };
}

/** One elevation request; Close is offered only while it is open. */
export function elevationDetailCard({ request, now, back }: ElevationDetailInput): AdaptiveCard {
  const state = elevationState(request, now);
  const viewers = request.viewerUpns.filter((v) => v.trim() !== '');
  return renderCard('elevation-detail', {
    back: backActions(back),
    title: plainShort(request.title, 200, '(no title)'),
    state,
    facts: facts(
      [
        ['Request ID', plain(request.id)],
        ['Device', plain(request.deviceName)],
        ['Requested by', plain(requesterOf(request.requestingAgentUpn, request.planOfAction))],
        ['Linked ticket', plain(request.partnerTicketId)],
        ['Category', plainJoin([request.category, request.subcategory], 80, '—', ' / ')],
        ['Created', dateTime(request.requestCreationTime, now)],
        ['Renewed', dateTime(request.requestRenewTime, now)],
        ['Closed', dateTime(request.requestClosureTime, now)],
        ['Closed by', plain(request.closingAgentUpn)],
        [
          'Password viewed by',
          words(
            viewers.length
              ? plainJoin(viewers.slice(0, MAX_VIEWERS), 80, '—', ', ') +
                  (viewers.length > MAX_VIEWERS ? ` and ${viewers.length - MAX_VIEWERS} more` : '')
              : '',
          ),
        ],
        ['Password last rotated', dateTime(request.passwordLastUpdatedTime, now)],
      ],
      true,
    ),
    sections: [
      ['Plan of action', request.planOfAction],
      ['Actions taken', request.actionsTaken],
    ]
      .filter((s): s is [string, string] => typeof s[1] === 'string' && s[1].trim() !== '')
      .map(([heading, text]) => ({ heading: words(heading), text: plainShort(text, MAX_SECTION_CHARS) })),
    actions: [
      executeIfValid('Device', 'device.open', { name: request.deviceName?.trim() ?? '' }),
      executeIfValid('Ticket', 'ticket.open', { id: request.partnerTicketId?.trim() ?? '' }),
      state.open ? executeIfValid('Close request…', 'elevation.closeForm', closeData(request, back)) : null,
    ].filter((a): a is ExecuteAction => a !== null),
  });
}
