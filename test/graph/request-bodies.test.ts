import { incidentCreateBody, incidentUpdateBody } from '../../src/graph/incident-body';
import { parseIncident } from '../../src/graph/parse-incident';
import { parseTroubleshootingEvent } from '../../src/graph/parse-troubleshooting-event';
import { troubleshootingEventCreateBody } from '../../src/graph/troubleshooting-event-body';
import { startHarness, type Harness } from '../emulator/emulator-harness';
import { graphApi } from '../emulator/graph-api';

describe('incident bodies', () => {
  it('builds a create body with every settable property, blanks left out', () => {
    expect(
      incidentCreateBody({
        displayName: ' Phishing wave ',
        assignedTo: 'adele@contoso.com',
        classification: 'truePositive',
        determination: 'phishing',
        status: 'active',
        severity: 'high',
        tags: ['VIP', ' VIP', ''],
        comment: 'Seen by 3 users',
        incidentWebUrl: 'https://security.microsoft.com/incidents/1',
        redirectIncidentId: ' ',
      }),
    ).toEqual({
      '@odata.type': '#microsoft.graph.incident',
      displayName: 'Phishing wave',
      assignedTo: 'adele@contoso.com',
      classification: 'truePositive',
      determination: 'phishing',
      status: 'active',
      severity: 'high',
      tags: ['VIP'],
      comments: [{ '@odata.type': 'microsoft.graph.m365AlertComment', comment: 'Seen by 3 users' }],
      incidentWebUrl: 'https://security.microsoft.com/incidents/1',
    });
    expect(incidentCreateBody({ displayName: 'x' })).toEqual({ '@odata.type': '#microsoft.graph.incident', displayName: 'x' });
  });

  it('builds update bodies with only what changes; a blank assignee unassigns', () => {
    expect(incidentUpdateBody({ status: 'resolved' })).toEqual({ status: 'resolved' });
    expect(incidentUpdateBody({ assignedTo: '  ' })).toEqual({ assignedTo: null });
    expect(incidentUpdateBody({ assignedTo: null, classification: 'falsePositive', determination: 'clean' })).toEqual({
      assignedTo: null,
      classification: 'falsePositive',
      determination: 'clean',
    });
  });
});

describe('troubleshooting event body', () => {
  it('nests error details, resources and key/value pairs, and leaves out blanks', () => {
    expect(
      troubleshootingEventCreateBody({
        enrollmentType: 'windowsAzureADJoin',
        failureCategory: 'authorization',
        failureReason: 'No Intune licence',
        managedDeviceIdentifier: 'intune-1',
        deviceId: 'entra-1',
        userId: 'adele@contoso.com',
        operatingSystem: 'Windows',
        osVersion: '10.0.22631',
        context: 'Autopilot',
        remediation: ' ',
        resources: [
          { text: 'Docs', link: 'https://learn.microsoft.com' },
          { text: '', link: '' },
        ],
        additionalInformation: [
          { name: 'Ring', value: 'Fast' },
          { name: ' ', value: 'dropped' },
        ],
      }),
    ).toEqual({
      '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent',
      enrollmentType: 'windowsAzureADJoin',
      failureCategory: 'authorization',
      failureReason: 'No Intune licence',
      managedDeviceIdentifier: 'intune-1',
      deviceId: 'entra-1',
      userId: 'adele@contoso.com',
      operatingSystem: 'Windows',
      osVersion: '10.0.22631',
      troubleshootingErrorDetails: {
        '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorDetails',
        context: 'Autopilot',
        resources: [
          {
            '@odata.type': 'microsoft.graph.deviceManagementTroubleshootingErrorResource',
            text: 'Docs',
            link: 'https://learn.microsoft.com',
          },
        ],
      },
      additionalInformation: [{ '@odata.type': 'microsoft.graph.keyValuePair', name: 'Ring', value: 'Fast' }],
    });
    expect(troubleshootingEventCreateBody({ enrollmentType: 'unknown', failureCategory: 'unknown' })).toEqual({
      '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent',
      enrollmentType: 'unknown',
      failureCategory: 'unknown',
    });
  });
});

describe('the bodies against the emulator (real HTTP)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('the emulator accepts the built bodies and the parsers read its answers back', async () => {
    const graph = graphApi(h);
    const created = await graph('/beta/security/incidents', {
      method: 'POST',
      body: JSON.stringify(incidentCreateBody({ displayName: 'Built', severity: 'medium', tags: ['MMD'], comment: 'first' })),
    });
    expect(created.status).toBe(201);
    const incident = parseIncident(created.body, { method: 'POST', path: '/beta/security/incidents' });
    expect(incident).toMatchObject({
      displayName: 'Built',
      severity: 'medium',
      status: 'active',
      tags: ['MMD'],
      comments: [{ comment: 'first' }],
    });
    const patched = await graph(`/v1.0/security/incidents/${incident.id}`, {
      method: 'PATCH',
      body: JSON.stringify(incidentUpdateBody({ status: 'resolved', assignedTo: '' })),
    });
    expect(parseIncident(patched.body, { method: 'PATCH', path: '/v1.0/security/incidents/x' })).toMatchObject({
      status: 'resolved',
      assignedTo: null,
    });

    const event = await graph('/beta/deviceManagement/troubleshootingEvents', {
      method: 'POST',
      body: JSON.stringify(
        troubleshootingEventCreateBody({
          enrollmentType: 'windowsAutoEnrollment',
          failureCategory: 'badRequest',
          additionalInformation: [{ name: 'k', value: 'v' }],
          context: 'c',
        }),
      ),
    });
    expect(event.status).toBe(201);
    expect(parseTroubleshootingEvent(event.body, { method: 'POST', path: '/beta/deviceManagement/troubleshootingEvents' })).toMatchObject({
      enrollmentType: 'windowsAutoEnrollment',
      failureCategory: 'badRequest',
      additionalInformation: [{ name: 'k', value: 'v' }],
      troubleshootingErrorDetails: { context: 'c', failure: null, resources: [] },
    });
  });
});
