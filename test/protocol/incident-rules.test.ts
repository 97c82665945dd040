import { randomUUID } from 'node:crypto';
import { checkIncidentUpdate, checkNewIncident } from '../../src/protocol/incident-rules';
import { GRAPH_VERBS } from '../../src/protocol/graph-verbs';
import { isVerb } from '../../src/protocol/verbs';
import { ticketPrefillFromIncident } from '../../src/protocol/incident-ticket-prefill';
import { checkNewTicket } from '../../src/protocol/ticket-rules';
import { incidentCreateBody } from '../../src/graph/incident-body';
import { incident } from '../cards/graph-sample-data';

const NOW = new Date('2026-11-22T14:02:00Z');

describe('checkNewIncident', () => {
  it('turns a filled form into the create input with every property', () => {
    const check = checkNewIncident(
      {
        displayName: ' Ransomware on MMD-00004 ',
        severity: 'high',
        status: 'active',
        assignedTo: 'adele@contoso.com',
        classification: 'truePositive',
        determination: 'malware',
        tags: 'Finance, VIP ,',
        comment: 'Isolated',
        incidentWebUrl: 'https://security.microsoft.com/incidents/7',
        redirectIncidentId: '',
      },
      NOW,
    );
    expect(check).toEqual({
      ok: true,
      incident: {
        displayName: 'Ransomware on MMD-00004',
        severity: 'high',
        status: 'active',
        assignedTo: 'adele@contoso.com',
        classification: 'truePositive',
        determination: 'malware',
        tags: ['Finance', 'VIP'],
        comment: 'Isolated',
        incidentWebUrl: 'https://security.microsoft.com/incidents/7',
      },
    });
    if (check.ok) expect(incidentCreateBody(check.incident).tags).toEqual(['Finance', 'VIP']);
  });

  it('answers every bad field at once with the card’s words, and ties redirect to status', () => {
    const check = checkNewIncident({ displayName: '', severity: 'critical', incidentWebUrl: 'http://x', tags: 'a'.repeat(65) }, NOW);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors).sort()).toEqual(['displayName', 'incidentWebUrl', 'severity', 'tags']);
    const redirect = checkNewIncident({ displayName: 'x', severity: 'low', redirectIncidentId: '12' }, NOW);
    expect(redirect).toEqual({ ok: false, errors: { status: expect.stringContaining('Redirected') } });
    const missing = checkNewIncident({ displayName: 'x', severity: 'low', status: 'redirected' }, NOW);
    expect(missing).toEqual({ ok: false, errors: { redirectIncidentId: expect.any(String) } });
    expect(checkNewIncident({ displayName: 'x', severity: 'low', status: 'redirected', redirectIncidentId: '12' }, NOW).ok).toBe(true);
  });
});

describe('checkIncidentUpdate', () => {
  it('reads only the submitted form’s fields', () => {
    const raw = { status: 'resolved', assignedTo: 'x'.repeat(300), classification: 'nonsense', determination: '' };
    expect(checkIncidentUpdate('status', raw, NOW)).toEqual({ ok: true, changes: { status: 'resolved' } });
    expect(checkIncidentUpdate('assignment', { assignedTo: '  ' }, NOW)).toEqual({ ok: true, changes: { assignedTo: null } });
    expect(checkIncidentUpdate('assignment', { assignedTo: 'megan@contoso.com' }, NOW)).toEqual({
      ok: true,
      changes: { assignedTo: 'megan@contoso.com' },
    });
    expect(checkIncidentUpdate('assignment', raw, NOW).ok).toBe(false);
    expect(checkIncidentUpdate('classification', raw, NOW)).toEqual({ ok: false, errors: { classification: 'Choose a classification.' } });
    expect(checkIncidentUpdate('classification', { classification: 'falsePositive', determination: 'clean' }, NOW)).toEqual({
      ok: true,
      changes: { classification: 'falsePositive', determination: 'clean' },
    });
    expect(checkIncidentUpdate('status', {}, NOW)).toEqual({ ok: false, errors: { status: 'Choose a status.' } });
  });
});

describe('graph verbs', () => {
  it('accept what the cards send and refuse forged data', () => {
    const formId = randomUUID();
    expect(isVerb('incident.open')).toBe(true);
    expect(isVerb('constructor')).toBe(false);
    expect(GRAPH_VERBS['incident.update'].safeParse({ formId, id: '1042', change: 'status', status: 'resolved' }).success).toBe(true);
    for (const bad of [
      { formId: 'not-a-uuid', id: '1042', change: 'status' },
      { formId, id: "1' or 1 eq 1", change: 'status' },
      { formId, id: '1042', change: 'delete' },
      { formId, id: '1042', change: 'status', status: 'closed' },
    ]) {
      expect(GRAPH_VERBS['incident.update'].safeParse(bad).success).toBe(false);
    }
    expect(GRAPH_VERBS['incidents.page'].safeParse({ statuses: ['active'], severities: ['high'], skip: '20' }).data).toEqual({
      statuses: ['active'],
      severities: ['high'],
      skip: 20,
    });
    expect(GRAPH_VERBS['incidents.page'].safeParse({ statuses: ["active' or 1"] }).success).toBe(false);
    expect(GRAPH_VERBS['enrollmentFailure.report'].safeParse({ formId, enrollmentType: 'byMagic' }).success).toBe(false);
    expect(
      GRAPH_VERBS['enrollmentFailure.report'].safeParse({ formId, enrollmentType: 'windowsAzureADJoin', failureReason: 'x'.repeat(2000) })
        .success,
    ).toBe(true);
  });
});

describe('ticketPrefillFromIncident', () => {
  it('prefills an Incident ticket with the title, the link in the description, and severity high→2, medium→3, low→4', () => {
    expect(ticketPrefillFromIncident(incident())).toEqual({
      type: 'Incident',
      title: 'Security incident: Phishing email delivered to adele.vance@contoso.com',
      description: expect.stringContaining('Link: https://security.microsoft.com/incidents/1042?tid=contoso'),
      severity: '2',
    });
    expect(ticketPrefillFromIncident(incident({ severity: 'medium' })).severity).toBe('3');
    expect(ticketPrefillFromIncident(incident({ severity: 'low' })).severity).toBe('4');
    expect(ticketPrefillFromIncident(incident({ severity: 'informational' })).severity).toBeUndefined();
  });

  it('stays inside the ticket form’s limits, so the prefilled form passes its own title/description check', () => {
    const prefill = ticketPrefillFromIncident(
      incident({ displayName: 'x'.repeat(256), incidentWebUrl: `https://security.microsoft.com/${'y'.repeat(5000)}` }),
    );
    const check = checkNewTicket({ ...prefill, category: '', subcategory: '' }, NOW);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors.title).toBeUndefined();
      expect(check.errors.description).toBeUndefined();
      expect(check.errors.severity).toBeUndefined();
    }
  });
});
