import { parseIntent } from '../../src/intents/parse-intent';
import { intentProblem } from './intent-validator';

describe('Graph commands in the parser', () => {
  it.each<[string, unknown]>([
    ['incidents', { kind: 'incidents', statuses: [], severities: [] }],
    ['show security incidents', { kind: 'incidents', statuses: [], severities: [] }],
    ['incidents active high', { kind: 'incidents', statuses: ['active'], severities: ['high'] }],
    ['Incidents resolved low medium', { kind: 'incidents', statuses: ['resolved'], severities: ['medium', 'low'] }],
    ['incident 1042', { kind: 'incident', id: '1042' }],
    ['incident eb558b72-8b72-eb55-728b-55eb728b55eb', { kind: 'incident', id: 'eb558b72-8b72-eb55-728b-55eb728b55eb' }],
    ['new incident', { kind: 'newIncident' }],
    ['new security incident', { kind: 'newIncident' }],
    ['enrollment failures', { kind: 'enrollmentFailures' }],
    ['enrollment failures MMD-00001', { kind: 'enrollmentFailures', deviceName: 'MMD-00001' }],
    ['enrollment failures for user Adele.Vance@contoso.com', { kind: 'enrollmentFailures', user: 'adele.vance@contoso.com' }],
    ['report enrollment failure', { kind: 'reportEnrollmentFailure' }],
    ['report an enrollment failure on device MMD-00001', { kind: 'reportEnrollmentFailure', deviceName: 'MMD-00001' }],
  ])('%j', (text, intent) => {
    const parsed = parseIntent(text);
    expect(parsed).toEqual(intent);
    expect(intentProblem(parsed)).toBeUndefined();
  });

  it.each([
    // Older meanings stay: MMD tickets.
    ['critical incidents', 'tickets'],
    ['incidents about printers', 'tickets'],
    ['incident MMD-1465058-R5V8P', 'ticket'],
    ['new ticket', 'newTicket'],
  ])('%j keeps its meaning (%s)', (text, kind) => {
    expect(parseIntent(text).kind).toBe(kind);
  });

  it('odd input in a Graph phrasing is no Graph command', () => {
    expect(parseIntent("incident 1' or 1 eq 1").kind).not.toBe('incident');
    expect(parseIntent('report enrollment failure adele@contoso.com').kind).not.toBe('reportEnrollmentFailure');
  });
});
