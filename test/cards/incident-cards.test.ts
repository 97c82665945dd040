import { randomUUID } from 'node:crypto';
import { NEW_INCIDENT_FIELDS, type NewIncidentFormValues } from '../../src/protocol/incident-rules';
import { GRAPH_VERBS } from '../../src/protocol/graph-verbs';
import { incidentDetailCard } from '../../src/cards/incident-detail-card';
import { newIncidentForm } from '../../src/cards/incident-form-card';
import { incidentListCard } from '../../src/cards/incident-list-card';
import { cardBytes, findActions, findElements, MAX_CARD_BYTES } from '../helpers/card-validation';
import { button, hasButton, textOf, verbs } from './card-checks';
import { expectCleanCard } from './card-checks';
import { incident, incidents, nastyIncident } from './graph-sample-data';
import { EVIL_LINK, INJECTION, NOW, page } from './sample-data';

type Json = Record<string, unknown>;
const inputs = (card: unknown): Json[] =>
  ['Input.Text', 'Input.ChoiceSet', 'Input.Number', 'Input.Toggle', 'Input.Date', 'Input.Time'].flatMap((t) => findElements(card, t));
const byId = (card: unknown, id: string): Json => {
  const found = inputs(card).find((e) => e.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
};
const container = (card: unknown, id: string): Json => findElements(card, 'Container').find((c) => c.id === id)!;

describe('incidentListCard', () => {
  it('shows a page with rows that open, filters kept in paging, and New incident', () => {
    const card = incidentListCard({
      page: page(incidents(10), 10, 10, true),
      filters: { statuses: ['active'], severities: ['high', 'medium'] },
      now: NOW,
    });
    expectCleanCard(card);
    expect(textOf(card)).toContain('Active · High or Medium · Showing 11–20');
    expect(verbs(card).filter(([v]) => v === 'incident.open')).toHaveLength(10);
    expect(button(card, 'Next ▶').data).toEqual({ statuses: ['active'], severities: ['high', 'medium'], skip: 20 });
    expect(button(card, '◀ Previous').data).toEqual({ statuses: ['active'], severities: ['high', 'medium'], skip: 0 });
    expect(button(card, 'New incident').associatedInputs).toBe('none');
    expect(button(card, 'Apply filters').verb).toBe('incidents.filter');
    expect(byId(card, 'status').value).toBe('active');
    expect(byId(card, 'severity').value).toBe('high,medium');
  });

  it('drops filter values it never offered and says when nothing matches', () => {
    const card = incidentListCard({
      page: page([], 0, 10, false),
      filters: { statuses: ['closed', 'active'], severities: [INJECTION] },
      now: NOW,
    });
    expectCleanCard(card);
    expect(byId(card, 'status').value).toBe('active');
    expect(textOf(card)).toContain('No incidents match these filters.');
    expect(hasButton(card, 'Next ▶')).toBe(false);
  });

  it('keeps hostile incidents inert, marks unknown values, and leaves out a row action for an id it cannot carry', () => {
    const card = incidentListCard({
      page: page([nastyIncident(), nastyIncident({ id: 'id with spaces' })], 0, 10, false),
      filters: { statuses: [], severities: [] },
      now: NOW,
    });
    expectCleanCard(card);
    expect(textOf(card)).toContain('Newer value, not known to this bot');
    expect(verbs(card).filter(([v]) => v === 'incident.open')).toHaveLength(1);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('incidentDetailCard', () => {
  it('shows every property, newest comments and the actions: three in-place forms, Open MMD ticket, Defender link', () => {
    const formId = randomUUID();
    const card = incidentDetailCard({ incident: incident(), formId, now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    for (const shown of ['Phishing', 'True positive', 'Finance, VIP', 'Megan Bowen', 'Mailbox rule removed.', 'adele.vance@contoso.com'])
      expect(text).toContain(shown);
    // The three toggles, then each form's Cancel (it closes that form, nothing sent).
    const toggles = findActions(card, 'Action.ToggleVisibility');
    expect(toggles.map((a) => a.targetElements)).toEqual([
      ['statusForm'],
      ['assignmentForm'],
      ['classificationForm'],
      ['statusForm'],
      ['assignmentForm'],
      ['classificationForm'],
    ]);
    expect(toggles.slice(3).map((a) => a.title)).toEqual(['Cancel', 'Cancel', 'Cancel']);
    for (const id of ['statusForm', 'assignmentForm', 'classificationForm']) expect(container(card, id).isVisible).toBe(false);
    const saves = findActions(card).filter((a) => a.verb === 'incident.update');
    expect(saves.map((a) => (a.data as Json).change)).toEqual(['status', 'assignment', 'classification']);
    for (const save of saves) expect(save.data).toMatchObject({ formId, id: '1042' });
    expect(button(card, 'Open MMD ticket').data).toEqual({ id: '1042' });
    expect(findActions(card, 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Microsoft Defender', url: 'https://security.microsoft.com/incidents/1042?tid=contoso' },
    ]);
    // Current values in the small forms; none required on the card (the server checks the submitted one).
    expect(byId(card, 'status').value).toBe('active');
    expect(byId(card, 'classification').value).toBe('truePositive');
    expect(byId(card, 'determination').value).toBe('phishing');
    for (const input of inputs(card)) expect(input.isRequired).toBe(false);
  });

  it('opens the refused form with the input kept and the message, and shows a notice', () => {
    const card = incidentDetailCard({
      incident: incident(),
      formId: randomUUID(),
      now: NOW,
      openForm: 'assignment',
      input: { assignedTo: EVIL_LINK },
      errors: { assignedTo: 'Enter who the incident is assigned to (at most 256 characters).' },
    });
    expectCleanCard(card);
    expect(container(card, 'assignmentForm').isVisible).toBe(true);
    expect(byId(card, 'assignedTo').value).toBe(EVIL_LINK);
    expect(textOf(card)).toContain('Please correct the field marked below.');
  });

  it('keeps a hostile incident inert: no link to a foreign host, unknown values marked, under the size limit', () => {
    const card = incidentDetailCard({
      incident: nastyIncident(),
      formId: randomUUID(),
      now: NOW,
      notice: { tone: 'attention', text: `Forbidden: ${EVIL_LINK}` },
    });
    expectCleanCard(card);
    expect(findActions(card, 'Action.OpenUrl')).toEqual([]);
    expect(textOf(card)).toContain('String (?)');
    expect(textOf(card)).toContain('Comments (12)');
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('offers no update or ticket button for an id the verbs cannot carry', () => {
    const card = incidentDetailCard({ incident: incident({ id: "x' or 1 eq 1" }), formId: randomUUID(), now: NOW });
    expectCleanCard(card);
    expect(findActions(card)).toEqual([]);
    expect(findActions(card, 'Action.ToggleVisibility')).toEqual([]);
  });
});

describe('newIncidentForm', () => {
  it('has one input per documented settable property and submits incident.create with the formId', () => {
    const formId = randomUUID();
    const card = newIncidentForm({ prefill: {}, formId, now: NOW });
    expectCleanCard(card);
    for (const [id, rule] of Object.entries(NEW_INCIDENT_FIELDS)) expect(byId(card, id).label).toBe(rule.label);
    expect(findActions(card)).toHaveLength(2);
    expect(findActions(card)[1]).toMatchObject({ title: 'Cancel', verb: 'form.cancel', associatedInputs: 'none' });
    expect(findActions(card)[0]).toMatchObject({ verb: 'incident.create', data: { formId }, style: 'positive' });
    expect(byId(card, 'severity').value).toBe('medium');
    expect(byId(card, 'displayName').isRequired).toBe(true);
    expect(container(card, 'moreDetails').isVisible).toBe(false);
    // Every choice a card offers passes the submit verb's envelope.
    const envelope = GRAPH_VERBS['incident.create'];
    for (const id of ['severity', 'status', 'classification', 'determination']) {
      for (const choice of byId(card, id).choices as Json[]) expect(envelope.safeParse({ formId, [id]: choice.value }).success).toBe(true);
    }
  });

  it('keeps hostile input verbatim in inputs, escapes the notice, opens the folded section on error', () => {
    const card = newIncidentForm({
      prefill: { displayName: `${EVIL_LINK} ${INJECTION}`, severity: 'critical' },
      formId: randomUUID(),
      errors: { redirectIncidentId: 'Name the incident this one was redirected to.' },
      notice: { tone: 'attention', text: `Forbidden: Insufficient privileges ${EVIL_LINK}` },
      now: NOW,
    });
    expectCleanCard(card);
    expect(byId(card, 'displayName').value).toBe(`${EVIL_LINK} ${INJECTION}`);
    expect(byId(card, 'severity').value).toBe('');
    expect(container(card, 'moreDetails').isVisible).toBe(true);
    expect(textOf(card)).toContain('Forbidden: Insufficient privileges');
  });

  it('stays under the size limit with every field at its maximum and in error', () => {
    const prefill = Object.fromEntries(
      Object.entries(NEW_INCIDENT_FIELDS).map(([id, rule]) => [id, rule.kind === 'text' ? 'é'.repeat(rule.maxLength) : '']),
    ) as Partial<NewIncidentFormValues>;
    const errors = Object.fromEntries(Object.entries(NEW_INCIDENT_FIELDS).map(([id, rule]) => [id, rule.errorMessage]));
    const card = newIncidentForm({ prefill, formId: randomUUID(), errors, now: NOW });
    expectCleanCard(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});
