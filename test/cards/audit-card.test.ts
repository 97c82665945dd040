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
    const card = auditCard({
      records: [record(), record({ outcome: 'denied', deviceName: 'MMD-00009', conversation: { id: 'g', kind: 'groupChat' } })],
      now: NOW,
    });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toMatch(/The most recent records, newest first/);
    expect(text).toContain('Adele Vance · revealed elevation details of MMD-00002');
    expect(text).toContain('1 hour ago (2026-11-22 13:02 UTC) · adele@contoso.com · in a 1:1 chat');
    expect(text).toContain('🔓 Revealed');
    expect(text).toContain('⛔ Not an admin');
    expect(text).toContain('in a group chat');
    expect(verbs(card)).toEqual([['command', { text: 'audit' }]]);
  });

  it('says when nothing is recorded', () => {
    const card = auditCard({ records: [], now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toMatch(/No records match/);
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
    expect(textOf(card)).toContain('u@contoso.com · revealed elevation details of MMD-00002');
    expect(textOf(card)).toContain('29:z · revealed elevation details of MMD-00002');
  });

  it('names changes by action and target, says where (the tab too), and escapes the detail', () => {
    const card = auditCard({
      records: [
        record({
          action: 'ticket.note',
          outcome: 'done',
          deviceName: undefined,
          target: { kind: 'ticket', id: 'MMD-1-A' },
          conversation: { id: 'tab', kind: 'tab' },
        }),
        record({
          action: 'elevation.create',
          outcome: 'done',
          deviceName: undefined,
          target: { kind: 'elevation', id: 'e-1' },
          detail: INJECTION,
        }),
      ],
      now: NOW,
    });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Adele Vance · added a note to ticket MMD-1-A');
    expect(text).toContain('in the dashboard tab');
    expect(text).toContain('Adele Vance · requested elevation e-1');
    expect(text).toContain('✔ Done');
  });

  it('pages: Older carries the filters and the cursor, Newest drops the cursor', () => {
    const before = 'audit/2026-11-22T13:02:00.000Z/00000000-0000-4000-8000-000000000001';
    const next = 'audit/2026-11-21T13:02:00.000Z/00000000-0000-4000-8000-000000000002';
    const card = auditCard({ records: [record()], now: NOW, filters: { action: 'note', user: 'adele@contoso.com' }, before, next });
    expectCleanCard(card);
    expect(textOf(card)).toMatch(/Older records, newest first\. Filtered by user adele@contoso\.com, action note\./);
    expect(verbs(card)).toEqual([
      ['audit.page', { action: 'note', user: 'adele@contoso.com', before: next }],
      ['audit.page', { action: 'note', user: 'adele@contoso.com' }],
      ['command', { text: 'audit' }],
    ]);
  });
});
