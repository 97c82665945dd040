/**
 * Seed data of the emulated Graph: the two documents' examples, verbatim, plus incidents and
 * enrollment failures tied to the sample devices and users. Content is deterministic for a seed;
 * times are relative to the moment of seeding so "recent" lists stay recent.
 */
import { mulberry32, subSeed, type Prng } from '../prng';
import type { DeviceRecord, UserRecord } from '../records';
import { ENROLLMENT_TYPES, FAILURE_CATEGORIES, type IncidentRecord, type TroubleshootingEventRecord } from './records';

/** Ids of the documents' examples, kept so tests and the README can name them. */
export const EXAMPLE_INCIDENT_ID = 'eb558b72-8b72-eb55-728b-55eb728b55eb';
export const EXAMPLE_EVENT_ID = 'c4a623f5-23f5-c4a6-f523-a6c4f523a6c4';
export const GENERATED_INCIDENTS = 14;
export const GENERATED_EVENTS = 24;

const HOUR = 3_600_000;

export interface GraphSeed {
  incidents: IncidentRecord[];
  events: TroubleshootingEventRecord[];
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The incident of document 003's response; its placeholder enum values are kept on purpose. */
function exampleIncident(now: number): IncidentRecord {
  return {
    '@odata.type': '#microsoft.graph.incident',
    id: EXAMPLE_INCIDENT_ID,
    incidentWebUrl: 'String',
    redirectIncidentId: 'String',
    displayName: 'String',
    // "String (timestamp)" in the document: a real time here, so ordering by date works.
    createdDateTime: iso(now - 40 * 24 * HOUR),
    lastUpdateDateTime: iso(now - 40 * 24 * HOUR),
    assignedTo: 'String',
    classification: 'String',
    determination: 'String',
    status: 'String',
    severity: 'String',
    tags: ['String'],
    comments: [{ '@odata.type': 'microsoft.graph.m365AlertComment' }],
  };
}

/** The event of document 004's response, verbatim. */
function exampleEvent(): TroubleshootingEventRecord {
  return {
    '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent',
    id: EXAMPLE_EVENT_ID,
    eventDateTime: '2016-12-31T23:59:23.3984029-08:00',
    correlationId: 'Correlation Id value',
    troubleshootingErrorDetails: {
      '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorDetails',
      context: 'Context value',
      failure: 'Failure value',
      failureDetails: 'Failure Details value',
      remediation: 'Remediation value',
      resources: [
        { '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorResource', text: 'Text value', link: 'Link value' },
      ],
    },
    eventName: 'Event Name value',
    additionalInformation: [{ '@odata.type': 'microsoft.graph.keyValuePair', name: 'Name value', value: 'Value value' }],
    managedDeviceIdentifier: 'Managed Device Identifier value',
    operatingSystem: 'Operating System value',
    osVersion: 'Os Version value',
    userId: 'User Id value',
    deviceId: 'Device Id value',
    enrollmentType: 'userEnrollment',
    failureCategory: 'authentication',
    failureReason: 'Failure Reason value',
  };
}

const INCIDENT_TITLES = [
  'Multi-stage incident involving Initial access & Lateral movement on one endpoint',
  'Suspicious PowerShell command line on {device}',
  'Phishing email delivered to {user}',
  'Unwanted software detected on {device}',
  'Anomalous sign-in activity for {user}',
  'Ransomware behaviour blocked on {device}',
  'Credential theft attempt on {device}',
];
const SEVERITIES = ['high', 'medium', 'medium', 'low', 'low', 'informational'];
const TAGS = ['Finance', 'VIP', 'Pilot ring', 'Investigating', 'MMD'];
const FAILURES: { category: (typeof FAILURE_CATEGORIES)[number]; reason: string; remediation: string }[] = [
  {
    category: 'authentication',
    reason: 'The user could not be authenticated (0x80180002).',
    remediation: 'Ask the user to sign in again and check MFA registration.',
  },
  {
    category: 'authorization',
    reason: 'The user is not authorized to enroll (0x80180018).',
    remediation: 'Assign an Intune license to the user.',
  },
  {
    category: 'enrollmentRestrictionsEnforced',
    reason: 'Device limit reached (0x80180014).',
    remediation: 'Remove stale devices or raise the device limit.',
  },
  {
    category: 'deviceNotSupported',
    reason: 'This OS version is not supported for enrollment.',
    remediation: 'Update Windows to a supported version.',
  },
  {
    category: 'clientDisconnected',
    reason: 'The device lost its connection during enrollment.',
    remediation: 'Retry on a stable network.',
  },
  {
    category: 'accountValidation',
    reason: 'The account could not be validated.',
    remediation: 'Check the UPN suffix is a verified domain.',
  },
];

function fill(template: string, device: DeviceRecord, user: UserRecord | undefined): string {
  return template.replace('{device}', device.name || 'an unnamed device').replace('{user}', user?.upn ?? 'a user');
}

function incident(prng: Prng, i: number, now: number, devices: DeviceRecord[], users: UserRecord[]): IncidentRecord {
  const device = devices[(i * 3) % devices.length]!;
  const user = users.length > 0 ? users[i % users.length] : undefined;
  const created = now - (i * 29 + prng.int(1, 20)) * HOUR;
  const resolved = i % 4 === 3;
  const id = String(1000 + i * 7);
  return {
    '@odata.type': '#microsoft.graph.incident',
    id,
    incidentWebUrl: `https://security.microsoft.com/incidents/${id}?tid=contoso`,
    redirectIncidentId: null,
    displayName: fill(INCIDENT_TITLES[i % INCIDENT_TITLES.length]!, device, user),
    createdDateTime: iso(created),
    lastUpdateDateTime: iso(created + prng.int(1, 12) * HOUR),
    assignedTo: i % 3 === 0 ? null : (user?.upn ?? null),
    classification: resolved ? prng.pick(['truePositive', 'falsePositive', 'benignPositive']) : 'unknown',
    determination: resolved ? prng.pick(['malware', 'phishing', 'securityTesting', 'clean']) : 'unknown',
    status: resolved ? 'resolved' : 'active',
    severity: SEVERITIES[i % SEVERITIES.length]!,
    tags: prng.chance(0.5) ? [prng.pick(TAGS)] : [],
    comments: prng.chance(0.4)
      ? [
          {
            '@odata.type': 'microsoft.graph.m365AlertComment',
            comment: 'Device isolated pending investigation.',
            createdByDisplayName: user?.name ?? 'Automation',
            createdDateTime: iso(created + HOUR),
          },
        ]
      : [],
  };
}

function event(prng: Prng, i: number, now: number, devices: DeviceRecord[]): TroubleshootingEventRecord {
  // Only devices Intune knows (an intuneId) have enrollment events.
  const known = devices.filter((d) => d.intuneId !== null);
  const device = known[(i * 5) % Math.max(known.length, 1)] ?? devices[0]!;
  const failure = FAILURES[i % FAILURES.length]!;
  return {
    '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent',
    id: prng.uuid(),
    eventDateTime: iso(now - (i * 9 + prng.int(1, 8)) * HOUR),
    correlationId: prng.uuid(),
    troubleshootingErrorDetails: {
      '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorDetails',
      context: `Enrollment of ${device.name || 'a device'} through Windows Autopilot`,
      failure: failure.reason,
      failureDetails: i % 2 === 0 ? `Error code 0x${prng.chars(8, '0123456789ABCDEF')}` : null,
      remediation: failure.remediation,
      resources:
        i % 3 === 0
          ? [
              {
                '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorResource',
                text: 'Troubleshoot Windows enrollment',
                link: 'https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-windows-enrollment-errors',
              },
            ]
          : [],
    },
    eventName: 'Enrollment failure',
    additionalInformation: [{ '@odata.type': 'microsoft.graph.keyValuePair', name: 'Ring', value: device.primaryUpdateRing }],
    managedDeviceIdentifier: device.intuneId,
    operatingSystem: 'Windows',
    osVersion: device.osVersion,
    // MMD knows users by UPN only; the seed uses it as userId so a device card can find its events.
    userId: device.userUpn,
    deviceId: device.aadDeviceId,
    enrollmentType: prng.pick(['windowsAzureADJoin', 'windowsAutoEnrollment', 'windowsCoManagement', ENROLLMENT_TYPES[0]]),
    failureCategory: failure.category,
    failureReason: failure.reason,
  };
}

/** Incidents newest first, events newest first (the document examples are the oldest). */
export function generateGraphSeed(seed: number, devices: DeviceRecord[], users: UserRecord[], now = Date.now()): GraphSeed {
  const prng = mulberry32(subSeed(seed, 20, 0));
  const incidents =
    devices.length === 0 ? [] : Array.from({ length: GENERATED_INCIDENTS }, (_, i) => incident(prng, i, now, devices, users));
  const events = devices.length === 0 ? [] : Array.from({ length: GENERATED_EVENTS }, (_, i) => event(prng, i, now, devices));
  return { incidents: [...incidents, exampleIncident(now)], events: [...events, exampleEvent()] };
}
