import { randomUUID } from 'node:crypto';
import { enrollmentFailurePrefill } from '../../src/protocol/enrollment-failure-prefill';
import { GRAPH_VERBS } from '../../src/protocol/graph-verbs';
import { ENROLLMENT_FAILURE_FIELDS, type EnrollmentFailureFormValues } from '../../src/protocol/troubleshooting-rules';
import { enrollmentFailureForm } from '../../src/cards/enrollment-failure-form-card';
import { troubleshootingEventDetailCard } from '../../src/cards/troubleshooting-event-detail-card';
import { troubleshootingEventListCard } from '../../src/cards/troubleshooting-event-list-card';
import { ENROLLMENT_TYPES, FAILURE_CATEGORIES } from '../../src/graph/graph-enums';
import { cardBytes, findActions, findElements, MAX_CARD_BYTES } from '../helpers/card-validation';
import { button, hasButton, textOf, verbs } from './card-checks';
import { expectCleanCard } from './card-checks';
import { nastyEvent, troubleshootingEvent, troubleshootingEvents } from './graph-sample-data';
import { device, EVIL_LINK, INJECTION, NOW, page } from './sample-data';

type Json = Record<string, unknown>;
const inputs = (card: unknown): Json[] =>
  ['Input.Text', 'Input.ChoiceSet', 'Input.Number', 'Input.Toggle', 'Input.Date', 'Input.Time'].flatMap((t) => findElements(card, t));
const byId = (card: unknown, id: string): Json => {
  const found = inputs(card).find((e) => e.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
};
const container = (card: unknown, id: string): Json => findElements(card, 'Container').find((c) => c.id === id)!;

describe('troubleshootingEventListCard', () => {
  it('lists events newest first as given, pages with the scope kept, and offers a report for the device', () => {
    const card = troubleshootingEventListCard({
      page: page(troubleshootingEvents(10), 10, 10, true),
      scope: { deviceName: 'MMD-00001' },
      now: NOW,
    });
    expectCleanCard(card);
    expect(textOf(card)).toContain('Newest first · device MMD-00001 · Showing 11–20');
    expect(textOf(card)).toContain('Enrollment restrictions enforced · Windows Entra join');
    expect(textOf(card)).toContain('6 hours ago');
    expect(verbs(card).filter(([v]) => v === 'enrollmentFailure.open')).toHaveLength(10);
    expect(button(card, 'Next ▶').data).toEqual({ deviceName: 'MMD-00001', skip: 20 });
    expect(button(card, '◀ Previous').data).toEqual({ deviceName: 'MMD-00001', skip: 0 });
    expect(button(card, 'Report enrollment failure').data).toEqual({
      deviceName: 'MMD-00001',
      from: { verb: 'enrollmentFailures.page', data: { deviceName: 'MMD-00001', skip: 10 } },
    });
  });

  it('says so when a user has none, and keeps hostile events inert', () => {
    const empty = troubleshootingEventListCard({ page: page([], 0, 10, false), scope: { user: EVIL_LINK }, now: NOW });
    expectCleanCard(empty);
    expect(textOf(empty)).toContain('No enrollment failures for user');
    expect(hasButton(empty, 'Next ▶')).toBe(false);
    const nasty = troubleshootingEventListCard({ page: page([nastyEvent(), troubleshootingEvent()], 0, 10, false), scope: {}, now: NOW });
    expectCleanCard(nasty);
    expect(verbs(nasty).filter(([v]) => v === 'enrollmentFailure.open')).toHaveLength(1);
    expect(textOf(nasty)).toContain('quantumEnrollment (?)');
    expect(cardBytes(nasty)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('troubleshootingEventDetailCard', () => {
  it('shows every documented property, the error details, help links and additional information', () => {
    const card = troubleshootingEventDetailCard({ event: troubleshootingEvent(), deviceName: 'MMD-00001', now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    for (const shown of [
      'Windows Autopilot, user-driven',
      'Remediation',
      'The user already has 15 devices.',
      'Ring',
      'Fast',
      '10.0.22631.4460',
      'Enrollment failure',
      'Troubleshoot Windows enrollment',
    ]) {
      expect(text).toContain(shown);
    }
    expect(findActions(card, 'Action.OpenUrl')).toHaveLength(1);
    expect(button(card, 'Report another').data).toEqual({
      deviceName: 'MMD-00001',
      from: { verb: 'enrollmentFailure.open', data: { id: 'c4a623f5-23f5-c4a6-f523-a6c4f523a6c4' } },
    });
    expect(button(card, 'Refresh').data).toEqual({ id: 'c4a623f5-23f5-c4a6-f523-a6c4f523a6c4' });
  });

  it('keeps a hostile event inert: no javascript: links, capped lists, under the size limit', () => {
    const card = troubleshootingEventDetailCard({ event: nastyEvent(), now: NOW });
    expectCleanCard(card);
    expect(findActions(card, 'Action.OpenUrl')).toEqual([]);
    expect(hasButton(card, 'Refresh')).toBe(false);
    expect(textOf(card)).toContain('…and 10 more values not shown.');
    expect(textOf(card)).toContain('…and 3 more links not shown.');
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('shows an event without details or pairs', () => {
    const card = troubleshootingEventDetailCard({
      event: troubleshootingEvent({ troubleshootingErrorDetails: null, additionalInformation: [], failureReason: null }),
      now: NOW,
    });
    expectCleanCard(card);
    expect(textOf(card)).toContain('(no reason given)');
    expect(textOf(card)).not.toContain('Additional information');
  });
});

describe('enrollmentFailureForm', () => {
  it('has an input per documented property, enums as choice sets, and submits with the formId', () => {
    const formId = randomUUID();
    const card = enrollmentFailureForm({ prefill: {}, formId, now: NOW });
    expectCleanCard(card);
    for (const [id, rule] of Object.entries(ENROLLMENT_FAILURE_FIELDS)) expect(byId(card, id).label).toBe(rule.label);
    expect((byId(card, 'enrollmentType').choices as Json[]).map((c) => c.value)).toEqual([...ENROLLMENT_TYPES]);
    expect((byId(card, 'failureCategory').choices as Json[]).map((c) => c.value)).toEqual([...FAILURE_CATEGORIES]);
    expect(findActions(card)).toEqual([
      expect.objectContaining({ verb: 'enrollmentFailure.report', data: { formId }, style: 'positive' }),
      expect.objectContaining({ title: 'Cancel', verb: 'form.cancel', associatedInputs: 'none' }),
    ]);
    expect(container(card, 'errorDetails').isVisible).toBe(false);
    expect(container(card, 'additionalInformation').isVisible).toBe(false);
    for (const id of ['enrollmentType', 'failureCategory']) {
      for (const choice of byId(card, id).choices as Json[])
        expect(GRAPH_VERBS['enrollmentFailure.report'].safeParse({ formId, [id]: choice.value }).success).toBe(true);
    }
  });

  it('prefills from a device card: Intune id, Entra device id, OS version, the device user', () => {
    const d = device({
      name: 'MMD-00001',
      intuneId: '0d5e4f6a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
      aadDeviceId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      osVersion: '10.0.22631.4460',
      userUpn: 'adele.vance@contoso.com',
    });
    const card = enrollmentFailureForm({ prefill: enrollmentFailurePrefill(d), deviceName: d.name, formId: randomUUID(), now: NOW });
    expectCleanCard(card);
    expect(byId(card, 'managedDeviceIdentifier').value).toBe(d.intuneId);
    expect(byId(card, 'deviceId').value).toBe(d.aadDeviceId);
    expect(byId(card, 'osVersion').value).toBe('10.0.22631.4460');
    expect(byId(card, 'operatingSystem').value).toBe('Windows');
    expect(byId(card, 'userId').value).toBe('adele.vance@contoso.com');
    expect(textOf(card)).toContain('For device MMD-00001.');
    // The context line opens the details section.
    expect(container(card, 'errorDetails').isVisible).toBe(true);
  });

  it('prefills nothing for what a device lacks', () => {
    expect(enrollmentFailurePrefill(device({ name: '', intuneId: null, osVersion: null, userUpn: null, aadDeviceId: '' }))).toEqual({
      operatingSystem: 'Windows',
    });
  });

  it('keeps hostile input verbatim in inputs and stays under the size limit with everything at its maximum and in error', () => {
    const prefill = Object.fromEntries(
      Object.entries(ENROLLMENT_FAILURE_FIELDS).map(([id, rule]) => [
        id,
        rule.kind === 'text' ? `${EVIL_LINK}${INJECTION}`.padEnd(rule.maxLength, 'é') : '',
      ]),
    ) as Partial<EnrollmentFailureFormValues>;
    const errors = Object.fromEntries(Object.entries(ENROLLMENT_FAILURE_FIELDS).map(([id, rule]) => [id, rule.errorMessage]));
    const card = enrollmentFailureForm({
      prefill,
      deviceName: EVIL_LINK,
      formId: randomUUID(),
      errors,
      notice: { tone: 'warning', text: EVIL_LINK },
      now: NOW,
    });
    expectCleanCard(card);
    expect(String(byId(card, 'failureReason').value).startsWith(`${EVIL_LINK}${INJECTION}`)).toBe(true);
    expect(container(card, 'additionalInformation').isVisible).toBe(true);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});
