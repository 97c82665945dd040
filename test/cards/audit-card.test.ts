import { auditCard } from '../../src/cards/audit-card';
import type { AuditRecord } from '../../src/state/audit-log';
import { findElements } from '../helpers/card-validation';
import { expectCleanCard, textOf, verbs } from './card-checks';
import { EVIL_LINK, INJECTION, NOW } from './sample-data';

function record(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    at: '2026-11-22T13:02:00.000Z',
    action: 'elevation.reveal',
    outcome: 'revealed',
    deviceName: 'MMD-00002',
    user: { id: '29:a', aadObjectId: 'aad-a', upn: 'adele@contoso.com', name: 'Adele Vance' },
    conversation: { id: 'c1', kind: 'personal' },
    correlationId: 'corr',
    ...overrides,
  };
}

describe('auditCard', () => {
  it('lists who revealed what, when, where and how it ended', () => {
    const card = auditCard({ records: [record(), record({ outcome: 'denied', deviceName: 'MMD-00009', conversation: { id: 'g', kind: 'groupChat' } })], now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toMatch(/The 2 most recent reveal attempts, newest first/);
    expect(text).toContain('Adele Vance · MMD-00002');
    expect(text).toContain('1 hour ago (2026-11-22 13:02 UTC) · adele@contoso.com · in a 1:1 chat');
    expect(text).toContain('🔓 Revealed');
    expect(text).toContain('⛔ Not an admin');
    expect(text).toContain('in a group chat');
    expect(verbs(card)).toEqual([['command', { text: 'audit' }]]);
  });

  it('says when nothing is recorded', () => {
    const card = auditCard({ records: [], now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toMatch(/No reveals recorded yet/);
    expect(findElements(card, 'ColumnSet')).toEqual([]);
  });

  it('escapes names and devices and falls back to the UPN or id when there is no name', () => {
    const card = auditCard({
      records: [
        record({ user: { id: '29:x', name: EVIL_LINK }, deviceName: INJECTION }),
        record({ user: { id: '29:y', upn: 'u@contoso.com' } }),
        record({ user: { id: '29:z' } }),
      ],
      now: NOW,
    });
    expectCleanCard(card);
    expect(textOf(card)).toContain('u@contoso.com · MMD-00002');
    expect(textOf(card)).toContain('29:z · MMD-00002');
  });
});
