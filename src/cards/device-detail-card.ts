import type { Device } from '../mmd/types';
import { executeIfValid, type ExecuteAction } from './card-action';
import { capped, facts } from './card-parts';
import { md, mdJoin, mdShort } from './escape';
import { groupRows } from './group-rows';
import { dateTime, months, parseDate, relativeTime, statusRank, statusView } from './format';
import { renderCard, type AdaptiveCard } from './render';

/** Long lists are cut so the card stays small (Teams: under 28 KB keeps every surface happy). */
const MAX_CONFIGURATIONS = 15;

export interface DeviceDetailInput {
  device: Device;
  now: Date;
}

/** One device: its properties, groups and configurations, and what an admin can do next. */
export function deviceDetailCard({ device, now }: DeviceDetailInput): AdaptiveCard {
  const name = device.name.trim();
  // Problems first, so a cut list never hides a failed deployment.
  const sorted = [...device.configurations].sort((a, b) => statusRank(a.deploymentStatus) - statusRank(b.deploymentStatus));
  const configurations = capped(sorted, MAX_CONFIGURATIONS, 'configurations');
  return renderCard('device-detail', {
    name: mdShort(name, 80, '(no name)'),
    subtitle: mdJoin([device.manufacturer, device.model], 80),
    compliance: statusView(device.complianceState),
    facts: facts([
      ['Serial number', md(device.serialNumber)],
      ['Intune ID', md(device.intuneId)],
      ['Manufacturer / model', mdJoin([device.manufacturer, device.model], 80, '—', ' / ')],
      ['OS', mdJoin([device.osVersion, device.operatingSystemEdition], 60)],
      ['Persona', md(device.persona)],
      ['Plan', md(device.planType)],
      ['Update ring', md(device.primaryUpdateRing)],
      ['Enrolled', dateTime(device.enrolledIntoIntuneDateTimeUtc, now)],
      ['Age', months(device.ageInMonths)],
      ['Profile assignment', md(device.profileAssignmentStatus)],
      ['Management agent', md(device.managementAgent)],
      ['Assigned user', mdJoin([device.assignedUser, device.userUpn ?? device.userEmail], 100)],
      ['Azure AD device ID', md(device.aadDeviceId)],
      ['Last sync', dateTime(device.lastIntuneSyncDateTimeUtc, now)],
    ]),
    ...groupRows(device.groups),
    configurationsHeading: `Configurations (${device.configurations.length})`,
    configurations: configurations.shown.map((c) => ({
      name: mdShort(c.name, 120, '(unnamed configuration)'),
      detail: [
        c.type?.trim() ? mdShort(c.type, 30) : '',
        c.version?.trim() ? `version ${mdShort(c.version, 20)}` : '',
        parseDate(c.lastReportedStatusUtc) ? `reported ${relativeTime(c.lastReportedStatusUtc, now)}` : 'not reported yet',
      ]
        .filter((part) => part !== '')
        .join(' · '),
      status: statusView(c.deploymentStatus),
    })),
    configurationsMore: configurations.more,
    actions: actions(device, name),
    // In the body: the card's own actions are already at Teams' five.
    troubleshooting: name
      ? [
          executeIfValid('Enrollment failures', 'enrollmentFailures.page', { deviceName: name, skip: 0 }),
          executeIfValid('Report enrollment failure', 'enrollmentFailure.reportForm', { deviceName: name }),
        ].filter((a): a is ExecuteAction => a !== null)
      : [],
  });
}

function actions(device: Device, name: string): ExecuteAction[] {
  const user = executeIfValid('Assigned user', 'user.open', { upn: device.userUpn?.trim() ?? '' });
  // Without a name the device cannot be looked up, and an empty deviceName would mean "all".
  const forDevice = name
    ? [
        executeIfValid('Elevation requests', 'elevations.page', { deviceName: name, skip: 0 }),
        executeIfValid('Request elevation', 'elevation.requestForm', { deviceName: name }),
        executeIfValid('New ticket', 'ticket.newForm', { deviceName: name }),
        executeIfValid('Refresh', 'device.open', { name }),
      ]
    : [];
  return [user, ...forDevice].filter((a): a is ExecuteAction => a !== null);
}
