import type { Incident } from '../../src/graph/incident';
import type { TroubleshootingEvent } from '../../src/graph/troubleshooting-event';
import { EVIL_LINK, INJECTION, LONG } from './sample-data';

/** Shapes follow documents 003 and 004, with values a real tenant would send. */
export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: '1042',
    displayName: 'Phishing email delivered to adele.vance@contoso.com',
    incidentWebUrl: 'https://security.microsoft.com/incidents/1042?tid=contoso',
    redirectIncidentId: null,
    createdDateTime: '2026-11-20T09:00:00Z',
    lastUpdateDateTime: '2026-11-21T10:30:00Z',
    assignedTo: 'adele.vance@contoso.com',
    classification: 'truePositive',
    determination: 'phishing',
    status: 'active',
    severity: 'high',
    tags: ['Finance', 'VIP'],
    comments: [{ comment: 'Mailbox rule removed.', createdByDisplayName: 'Megan Bowen', createdDateTime: '2026-11-21T10:30:00Z' }],
    ...overrides,
  };
}

export function incidents(n: number, start = 0): Incident[] {
  return Array.from({ length: n }, (_, i) =>
    incident({ id: String(1000 + start + i), displayName: `Incident ${start + i + 1}`, severity: ['high', 'medium', 'low'][i % 3]! }),
  );
}

/** Every text field hostile: markdown links, template text, HTML, unknown enum values, huge text. */
export function nastyIncident(overrides: Partial<Incident> = {}): Incident {
  const evil = `${EVIL_LINK} ${INJECTION} <img src=x onerror=alert(1)> **bold** # heading`;
  return incident({
    displayName: evil,
    incidentWebUrl: 'https://evil.example/phish',
    redirectIncidentId: evil,
    assignedTo: evil,
    classification: 'String',
    determination: INJECTION,
    status: 'unknownFutureValue',
    severity: `${EVIL_LINK}`,
    tags: [evil, LONG],
    comments: Array.from({ length: 12 }, () => ({ comment: `${evil} ${LONG}`, createdByDisplayName: evil, createdDateTime: 'not a date' })),
    ...overrides,
  });
}

export function troubleshootingEvent(overrides: Partial<TroubleshootingEvent> = {}): TroubleshootingEvent {
  return {
    id: 'c4a623f5-23f5-c4a6-f523-a6c4f523a6c4',
    eventDateTime: '2026-11-22T08:15:00Z',
    correlationId: '6f1c2f0e-2b1e-4f31-9d2a-3d1f0c0b9a11',
    eventName: 'Enrollment failure',
    troubleshootingErrorDetails: {
      context: 'Windows Autopilot, user-driven',
      failure: 'Device limit reached (0x80180014).',
      failureDetails: 'The user already has 15 devices.',
      remediation: 'Remove stale devices or raise the device limit.',
      resources: [
        {
          text: 'Troubleshoot Windows enrollment',
          link: 'https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-windows-enrollment-errors',
        },
      ],
    },
    additionalInformation: [{ name: 'Ring', value: 'Fast' }],
    managedDeviceIdentifier: '0d5e4f6a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
    operatingSystem: 'Windows',
    osVersion: '10.0.22631.4460',
    userId: 'adele.vance@contoso.com',
    deviceId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    enrollmentType: 'windowsAzureADJoin',
    failureCategory: 'enrollmentRestrictionsEnforced',
    failureReason: 'Device limit reached (0x80180014).',
    ...overrides,
  };
}

export function troubleshootingEvents(n: number, start = 0): TroubleshootingEvent[] {
  return Array.from({ length: n }, (_, i) =>
    troubleshootingEvent({ id: `00000000-0000-4000-8000-${String(start + i).padStart(12, '0')}` }),
  );
}

export function nastyEvent(): TroubleshootingEvent {
  const evil = `${EVIL_LINK} ${INJECTION} <b>x</b> 1. list`;
  return troubleshootingEvent({
    id: 'bad id with spaces and more than sixty-four characters ...............',
    eventDateTime: null,
    correlationId: evil,
    eventName: evil,
    troubleshootingErrorDetails: {
      context: `${evil} ${LONG}`,
      failure: evil,
      failureDetails: LONG,
      remediation: evil,
      resources: Array.from({ length: 8 }, () => ({ text: evil, link: 'javascript:alert(1)' })),
    },
    additionalInformation: Array.from({ length: 30 }, (_, i) => ({ name: `${evil} ${i}`, value: `${evil} ${LONG.slice(0, 500)}` })),
    managedDeviceIdentifier: evil,
    operatingSystem: evil,
    osVersion: evil,
    userId: evil,
    deviceId: evil,
    enrollmentType: 'quantumEnrollment',
    failureCategory: INJECTION,
    failureReason: `${evil} ${LONG}`,
  });
}
