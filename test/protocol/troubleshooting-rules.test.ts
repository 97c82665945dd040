import { checkEnrollmentFailure } from '../../src/protocol/troubleshooting-rules';
import { troubleshootingEventCreateBody } from '../../src/graph/troubleshooting-event-body';

const NOW = new Date('2026-11-22T14:02:00Z');
const base = { enrollmentType: 'windowsAzureADJoin', failureCategory: 'authorization', failureReason: 'No licence', deviceId: 'entra-1' };

describe('checkEnrollmentFailure', () => {
  it('turns a full form into the event input, with the time in the user’s offset, resource and pairs', () => {
    const check = checkEnrollmentFailure(
      {
        ...base,
        managedDeviceIdentifier: 'intune-1',
        userId: 'adele@contoso.com',
        operatingSystem: 'Windows',
        osVersion: '10.0.22631',
        eventDate: '2026-11-22',
        eventTime: '09:30',
        context: 'Autopilot',
        resourceLink: 'https://learn.microsoft.com/x',
        info1Name: 'Ring',
        info1Value: 'Fast',
        info2Name: '',
        info2Value: '',
      },
      NOW,
      120,
    );
    expect(check).toEqual({
      ok: true,
      event: {
        enrollmentType: 'windowsAzureADJoin',
        failureCategory: 'authorization',
        failureReason: 'No licence',
        deviceId: 'entra-1',
        managedDeviceIdentifier: 'intune-1',
        userId: 'adele@contoso.com',
        operatingSystem: 'Windows',
        osVersion: '10.0.22631',
        context: 'Autopilot',
        eventDateTime: '2026-11-22T07:30:00Z',
        resources: [{ text: 'https://learn.microsoft.com/x', link: 'https://learn.microsoft.com/x' }],
        additionalInformation: [{ name: 'Ring', value: 'Fast' }],
      },
    });
    if (check.ok) expect(troubleshootingEventCreateBody(check.event).troubleshootingErrorDetails?.context).toBe('Autopilot');
  });

  it('needs a device or a user, a day with a time, a link for its text, a name for each value, no future', () => {
    const none = checkEnrollmentFailure({ enrollmentType: 'unknown', failureCategory: 'unknown', failureReason: 'x' }, NOW);
    expect(none).toEqual({ ok: false, errors: { managedDeviceIdentifier: expect.stringContaining('device') } });
    const bad = checkEnrollmentFailure({ ...base, eventTime: '10:00', resourceText: 'Docs', info2Value: 'orphan' }, NOW);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['eventDate', 'info2Name', 'resourceLink']);
    const future = checkEnrollmentFailure({ ...base, eventDate: '2026-11-22', eventTime: '23:00' }, NOW);
    expect(future).toEqual({ ok: false, errors: { eventTime: expect.stringContaining('future') } });
    const enums = checkEnrollmentFailure({ ...base, enrollmentType: '', failureCategory: 'nope' }, NOW);
    expect(enums.ok).toBe(false);
    if (!enums.ok) expect(Object.keys(enums.errors).sort()).toEqual(['enrollmentType', 'failureCategory']);
  });
});
