import type { Now } from './local-time';
import type { TroubleshootingEvent } from '../graph/troubleshooting-event';
import { capped, facts, type Fact } from './card-parts';
import { plain, plainShort, words } from './escape';
import { dateTime } from './format';
import { executeIfValid } from './card-action';
import { trustedLink } from './trusted-link';
import { enumText } from './graph-format';
import { backActions } from './back-action';
import type { BackView } from '../protocol/views';
import { renderCard, type AdaptiveCard } from './render';

const MAX_SECTION_CHARS = 2000;
const MAX_PAIRS = 20;
const MAX_RESOURCES = 5;

export interface TroubleshootingEventDetailInput {
  event: TroubleshootingEvent;
  /** The MMD device this event was opened from, for "Report another". */
  deviceName?: string;
  /** The MMD device of the event's Intune id, when the device list has it: named and opened. */
  device?: string;
  /** The list it was opened from. */
  back?: BackView;
  now: Now;
}

/** One enrollment failure: every property of document 004, error details and their help links. */
export function troubleshootingEventDetailCard({ event, deviceName, device, back, now }: TroubleshootingEventDetailInput): AdaptiveCard {
  const details = event.troubleshootingErrorDetails;
  const pairs = capped(event.additionalInformation, MAX_PAIRS, 'values');
  const resources = capped(details?.resources ?? [], MAX_RESOURCES, 'links');
  const links = resources.shown.map((r) => trustedLink(plainShort(r.text, 60, 'Help'), r.link)).filter((a) => a !== null);
  return renderCard('troubleshooting-event-detail', {
    title: words(`${enumText(event.failureCategory)} · ${enumText(event.enrollmentType)}`),
    reason: plainShort(event.failureReason, MAX_SECTION_CHARS, '(no reason given)'),
    // In the body (the card's actions hold help links): Back, and the device's card.
    back: [
      ...backActions(back),
      ...(device ? [executeIfValid(`Open device ${plainShort(device, 30)}`, 'device.open', { name: device })] : []),
    ].filter((a) => a !== null),
    facts: eventFacts(event, now, device),
    sections: [
      ['Context', details?.context],
      ['Failure', details?.failure],
      ['Failure details', details?.failureDetails],
      ['Remediation', details?.remediation],
    ]
      .filter((s): s is [string, string] => typeof s[1] === 'string' && s[1].trim() !== '')
      .map(([heading, text]) => ({ heading: words(heading), text: plainShort(text, MAX_SECTION_CHARS) })),
    // Links shown as inert text; buttons only for Microsoft hosts (trustedLink).
    resources: resources.shown.map((r) => ({ title: plainShort(r.text, 100, 'Link'), value: plainShort(r.link, 300) })),
    moreResources: resources.more,
    info: pairs.shown.map((p) => ({ title: plainShort(p.name, 64), value: plainShort(p.value, 300) })),
    moreInfo: pairs.more,
    actions: [
      ...links,
      executeIfValid('Report another', 'enrollmentFailure.reportForm', {
        deviceName: deviceName?.trim() || undefined,
        from: { verb: 'enrollmentFailure.open', data: { id: event.id.trim() } },
      }),
      executeIfValid('Refresh', 'enrollmentFailure.open', { id: event.id.trim(), back }),
    ].filter((a) => a !== null),
  });
}

function eventFacts(event: TroubleshootingEvent, now: Now, device?: string): Fact[] {
  return facts(
    [
      ['When', dateTime(event.eventDateTime, now)],
      ['Category', enumText(event.failureCategory)],
      ['Enrollment type', enumText(event.enrollmentType)],
      ['Device', plain(device)],
      ['Intune device id', plain(event.managedDeviceIdentifier)],
      ['Entra device id', plain(event.deviceId)],
      ['User', plain(event.userId)],
      ['Operating system', plain(event.operatingSystem)],
      ['OS version', plain(event.osVersion)],
      ['Event name', plainShort(event.eventName, 200)],
      ['Correlation id', plain(event.correlationId)],
      ['Event id', plain(event.id)],
    ],
    true,
  );
}
