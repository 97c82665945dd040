import {
  elevationHiddenCard,
  elevationNoneCard,
  elevationRedactedCard,
  elevationRevealedCard,
} from '../../src/cards/elevation-details-card';
import type { ElevationDetails } from '../../src/mmd/types';
import { findActions, findElements, validateCard } from '../helpers/card-validation';
import { expectCleanCard, textOf, verbs } from './card-checks';
import { EVIL_LINK, INJECTION, NOW, elevation } from './sample-data';

// A password that looks like markdown, a link and a template expression: it must come out exactly as is.
const PASSWORD = 'p*ss_[x](https://e.v)${pw}<b>`#1';

function details(overrides: Partial<ElevationDetails> = {}): ElevationDetails {
  return {
    tenantId: 't',
    deviceName: 'MMD-00002',
    openedElevationRequestId: 'req-1',
    aadDeviceId: 'aad-dev',
    accountUpn: 'MMDLocalAdmin',
    password: PASSWORD,
    passwordLastUpdated: '2026-11-22T13:00:00Z',
    status: 'PasswordSucceeded',
    isPasswordChanged: false,
    viewedBy: ['System'],
    ...overrides,
  };
}

const revealed = (overrides: Partial<ElevationDetails> = {}) =>
  elevationRevealedCard({
    deviceName: 'MMD-00002',
    details: details(overrides),
    userId: '29:user',
    hideAt: new Date('2026-11-22T14:07:00Z'),
    now: NOW,
  });

/** The runs of the password block (other TextRuns carry request data, as typed). */
function passwordRuns(card: unknown): Array<Record<string, unknown>> {
  const block = findElements(card, 'RichTextBlock').find((b) => b.id === 'password');
  return (block?.inlines as Array<Record<string, unknown>> | undefined) ?? [];
}

describe('elevation details cards', () => {
  it('hidden: request metadata, no password, a Reveal button for the device', () => {
    const card = elevationHiddenCard({
      deviceName: 'MMD-00002',
      request: elevation({ title: `Fix ${EVIL_LINK}`, requestingAgentUpn: INJECTION }),
      revealSeconds: 300,
      now: NOW,
    });
    expectCleanCard(card);
    expect(textOf(card)).toMatch(/password is hidden/);
    expect(textOf(card)).toMatch(/for 5 minutes/);
    expect(verbs(card)).toEqual([['elevation.reveal', { deviceName: 'MMD-00002' }]]);
    expect(passwordRuns(card)).toEqual([]);
  });

  it('hidden without a known request has no empty fact set', () => {
    const card = elevationHiddenCard({ deviceName: 'MMD-00002', revealSeconds: 30, now: NOW });
    expectCleanCard(card);
    expect(findElements(card, 'FactSet')).toEqual([]);
    expect(textOf(card)).toMatch(/for 30 seconds/);
  });

  it('revealed: the password verbatim in one monospace TextRun, user-specific refresh, Hide button', () => {
    const card = revealed();
    expect(validateCard(card, { allowLiterals: [PASSWORD] })).toEqual([]);
    const runs = passwordRuns(card);
    expect(runs).toEqual([expect.objectContaining({ text: PASSWORD, fontType: 'Monospace' })]);
    // Nowhere else: not in a TextBlock, fact or action.
    expect(JSON.stringify(card).split(JSON.stringify(PASSWORD).slice(1, -1))).toHaveLength(2);
    expect(card.refresh).toMatchObject({
      userIds: ['29:user'],
      action: { type: 'Action.Execute', verb: 'elevation.hide', data: { deviceName: 'MMD-00002' } },
    });
    expect(findActions(card).map((a) => a.verb)).toEqual(['elevation.hide', 'elevation.hide']);
    expect(textOf(card)).toMatch(/hidden again at 2026-11-22 14:07 UTC/);
    expect(textOf(card)).toMatch(/MMDLocalAdmin/);
  });

  it('revealed without a password says so instead of showing a blank', () => {
    const card = revealed({ password: null, status: 'PasswordPending' });
    expectCleanCard(card);
    expect(passwordRuns(card).map((r) => r.text)).toEqual(['Not available (status: Password being set).']);
  });

  it('revealed escapes account data from the service', () => {
    const card = revealed({ accountUpn: EVIL_LINK, password: 'plain' });
    expectCleanCard(card);
  });

  it('redacted: no password, no refresh, Reveal again', () => {
    const card = elevationRedactedCard({ deviceName: 'MMD-00002' });
    expectCleanCard(card);
    expect(card.refresh).toBeUndefined();
    expect(textOf(card)).toMatch(/hidden again/);
    expect(verbs(card)).toEqual([['elevation.reveal', { deviceName: 'MMD-00002' }]]);
  });

  it('none: says there is no open request and offers to request one', () => {
    const card = elevationNoneCard({ deviceName: 'MMD-00001' });
    expectCleanCard(card);
    expect(verbs(card)).toEqual([
      ['elevation.requestForm', { deviceName: 'MMD-00001' }],
      ['elevations.page', { deviceName: 'MMD-00001', skip: 0 }],
    ]);
  });

  it('a device name too long for the verbs gets no broken buttons', () => {
    const name = 'X'.repeat(100);
    expect(findActions(elevationNoneCard({ deviceName: name }))).toEqual([]);
    expect(findActions(elevationRedactedCard({ deviceName: name }))).toEqual([]);
  });
});
