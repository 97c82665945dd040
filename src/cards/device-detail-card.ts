import type { Now } from './local-time';
import type { Device } from '../mmd/types';
import type { BackView } from '../protocol/views';
import { backActions } from './back-action';
import { executeIfValid, type ExecuteAction } from './card-action';
import { capped, facts } from './card-parts';
import { plain, plainJoin, plainShort, words, type Plain } from './escape';
import { groupRows } from './group-rows';
import { dateTime, months, parseDate, relativeTime, statusRank, statusView } from './format';
import { renderCard, type AdaptiveCard } from './render';

/** Long lists are cut so the card stays small (Teams: under 28 KB keeps every surface happy). */
const MAX_CONFIGURATIONS = 15;

export interface DeviceDetailInput {
  device: Device;
  /** The list this was opened from: a Back button restores it. */
  back?: BackView;
  now: Now;
  /**
   * `false` for a device as a list or search result carries it: its groups and configurations are
   * not in it, so the card leaves them out (rather than "Groups (0)") and says where to see them.
   */
  whole?: boolean;
  /** `false` for a role that cannot change anything: no New ticket, Request elevation or Report. */
  canChange?: boolean;
}

/** One device: its properties, groups and configurations, and what an admin can do next. */
export function deviceDetailCard({ device, now, back, whole = true, canChange = true }: DeviceDetailInput): AdaptiveCard {
  const name = device.name.trim();
  // Problems first, so a cut list never hides a failed deployment.
  const sorted = [...device.configurations].sort((a, b) => statusRank(a.deploymentStatus) - statusRank(b.deploymentStatus));
  const configurations = capped(sorted, MAX_CONFIGURATIONS, 'configurations');
  return renderCard('device-detail', {
    back: backActions(back),
    whole,
    name: plainShort(name, 80, '(no name)'),
    subtitle: plainJoin([device.manufacturer, device.model], 80),
    compliance: statusView(device.complianceState),
    facts: facts([
      ...whyNonCompliant(device),
      ['Serial number', plain(device.serialNumber)],
      ['Intune ID', plain(device.intuneId)],
      ['Manufacturer / model', plainJoin([device.manufacturer, device.model], 80, '—', ' / ')],
      ['OS', plainJoin([device.osVersion, device.operatingSystemEdition], 60)],
      ['Persona', plain(device.persona)],
      ['Plan', plain(device.planType)],
      ['Update ring', plain(device.primaryUpdateRing)],
      ['Enrolled', dateTime(device.enrolledIntoIntuneDateTimeUtc, now)],
      ['Age', months(device.ageInMonths)],
      ['Profile assignment', plain(device.profileAssignmentStatus)],
      ['Management agent', plain(device.managementAgent)],
      ['Assigned user', plainJoin([device.assignedUser, device.userUpn ?? device.userEmail], 100)],
      ['Microsoft Entra device ID', plain(device.aadDeviceId)],
      ['Last sync', dateTime(device.lastIntuneSyncDateTimeUtc, now)],
    ]),
    ...groupRows(device.groups),
    configurationsHeading: words(`Configurations (${device.configurations.length})`),
    configurations: configurations.shown.map((c) => ({
      name: plainShort(c.name, 120, '(unnamed configuration)'),
      detail: words(
        [
          c.type?.trim() ? plainShort(c.type, 30) : '',
          c.version?.trim() ? `version ${plainShort(c.version, 20)}` : '',
          parseDate(c.lastReportedStatusUtc) ? `reported ${relativeTime(c.lastReportedStatusUtc, now)}` : 'not reported yet',
        ]
          .filter((part) => part !== '')
          .join(' · '),
      ),
      status: statusView(c.deploymentStatus),
    })),
    configurationsMore: configurations.more,
    intuneUrl: words(intuneDeviceUrl(device.intuneId) ?? ''),
    // In the body, each group under its own heading (the card's own actions would show under the last one).
    actions: actions(device, name, back, canChange),
    troubleshooting: name
      ? [
          executeIfValid('Enrollment failures', 'enrollmentFailures.page', { deviceName: name, skip: 0 }),
          canChange &&
            executeIfValid('Report enrollment failure', 'enrollmentFailure.reportForm', {
              deviceName: name,
              from: { verb: 'device.open', data: { name, back } },
            }),
        ].filter((a): a is ExecuteAction => Boolean(a))
      : [],
  });
}

/** Intune ids are GUIDs; anything else gets no link rather than a broken or odd one. */
const INTUNE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The device's page in the Intune admin center, by its Intune id; null when the id is not a GUID. */
function intuneDeviceUrl(intuneId: string | null | undefined): string | null {
  const id = intuneId?.trim() ?? '';
  return INTUNE_ID.test(id)
    ? `https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${id}`
    : null;
}

/**
 * Why a non-compliant device is so, where the data says: its configurations that failed or are
 * in error, with their status (the API has no separate compliance reasons).
 */
function whyNonCompliant(device: Device): Array<[string, Plain]> {
  if (device.complianceState?.replace(/[\s_-]+/g, '').toLowerCase() !== 'noncompliant') return [];
  const failing = device.configurations.filter((c) => statusRank(c.deploymentStatus) <= 1);
  const reason = failing.length
    ? words(
        plainJoin(
          failing.slice(0, 3).map((c) => `${plainShort(c.name, 60, '(unnamed)')} (${plain(c.deploymentStatus)})`),
          90,
          '—',
          '; ',
        ) + (failing.length > 3 ? `; and ${failing.length - 3} more` : ''),
      )
    : words('No failing configuration reported; check the device in Intune.');
  return [['Why non-compliant', reason]];
}

function actions(device: Device, name: string, back: BackView | undefined, canChange: boolean): ExecuteAction[] {
  const user = executeIfValid('Assigned user', 'user.open', { upn: device.userUpn?.trim() ?? '' });
  // Without a name the device cannot be looked up, and an empty deviceName would mean "all".
  const forDevice = name
    ? [
        executeIfValid('Elevation requests', 'elevations.page', { deviceName: name, skip: 0 }),
        canChange &&
          executeIfValid('Request elevation', 'elevation.requestForm', {
            deviceName: name,
            from: { verb: 'device.open', data: { name, back } },
          }),
        canChange &&
          executeIfValid('New ticket', 'ticket.newForm', { deviceName: name, from: { verb: 'device.open', data: { name, back } } }),
        executeIfValid('Refresh', 'device.open', { name, back }),
      ]
    : [];
  return [user, ...forDevice].filter((a): a is ExecuteAction => Boolean(a));
}
