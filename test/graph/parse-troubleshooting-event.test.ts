import createResponse from '../fixtures/api-docs/graph/create-troubleshooting-event.response.json';
import { GraphApiError } from '../../src/graph/graph-api-error';
import { graphEnumLabel } from '../../src/graph/graph-enums';
import { parseTroubleshootingEvent, parseTroubleshootingEventPage } from '../../src/graph/parse-troubleshooting-event';

const ctx = { method: 'GET', path: '/beta/deviceManagement/troubleshootingEvents' };

describe('parseTroubleshootingEvent', () => {
  it('reads the documented response, every property', () => {
    expect(parseTroubleshootingEvent(createResponse, ctx)).toEqual({
      id: 'c4a623f5-23f5-c4a6-f523-a6c4f523a6c4',
      eventDateTime: '2016-12-31T23:59:23.3984029-08:00',
      correlationId: 'Correlation Id value',
      eventName: 'Event Name value',
      troubleshootingErrorDetails: {
        context: 'Context value',
        failure: 'Failure value',
        failureDetails: 'Failure Details value',
        remediation: 'Remediation value',
        resources: [{ text: 'Text value', link: 'Link value' }],
      },
      additionalInformation: [{ name: 'Name value', value: 'Value value' }],
      managedDeviceIdentifier: 'Managed Device Identifier value',
      operatingSystem: 'Operating System value',
      osVersion: 'Os Version value',
      userId: 'User Id value',
      deviceId: 'Device Id value',
      enrollmentType: 'userEnrollment',
      failureCategory: 'authentication',
      failureReason: 'Failure Reason value',
    });
    expect(graphEnumLabel('userEnrollment')).toBe('User enrollment');
    expect(graphEnumLabel('authentication')).toBe('Authentication');
  });

  it('tolerates null details, odd pairs and unknown enum values', () => {
    const event = parseTroubleshootingEvent(
      {
        id: 'e1',
        troubleshootingErrorDetails: 'broken',
        additionalInformation: [{ name: '', value: 'x' }, { name: 'Ring', value: null }, 'junk'],
        enrollmentType: 'quantumEnrollment',
        failureCategory: null,
      },
      ctx,
    );
    expect(event).toMatchObject({
      troubleshootingErrorDetails: null,
      additionalInformation: [{ name: 'Ring', value: null }],
      enrollmentType: 'quantumEnrollment',
      failureCategory: null,
      osVersion: null,
    });
    expect(graphEnumLabel(event.enrollmentType)).toBe('quantumEnrollment');
  });

  it('reads pages and refuses bodies that are no event', () => {
    const page = parseTroubleshootingEventPage({ value: [createResponse, {}] }, ctx);
    expect(page).toMatchObject({ dropped: 1, nextLink: null });
    expect(() => parseTroubleshootingEvent([], ctx)).toThrow(GraphApiError);
    expect(() => parseTroubleshootingEventPage(null, ctx)).toThrow(GraphApiError);
  });
});
