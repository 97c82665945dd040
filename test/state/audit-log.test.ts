import { MemoryStorage } from '../../src/storage/memory-storage';
import { auditActionsFor, queryAudit, writeAudit, type AuditRecord } from '../../src/state/audit-log';

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 30, 12, minute)).toISOString();

function record(minute: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    at: at(minute),
    action: 'ticket.note',
    outcome: 'done',
    target: { kind: 'ticket', id: 'MMD-1-A' },
    user: { id: 'u1', aadObjectId: 'aad-1', upn: 'adele@contoso.com', name: 'Adele Vance' },
    conversation: { id: 'c1', kind: 'personal' },
    correlationId: `corr-${minute}`,
    ...overrides,
  };
}

describe('the audit log', () => {
  let storage: MemoryStorage;
  beforeEach(async () => {
    storage = new MemoryStorage();
    await writeAudit(storage, record(0));
    await writeAudit(
      storage,
      record(1, { action: 'elevation.close', target: { kind: 'elevation', id: 'req-1' }, deviceName: 'MMD-00007' }),
    );
    await writeAudit(storage, record(2, { user: { id: 'u2', upn: 'megan@contoso.com', name: 'Megan Bowen' } }));
    // A reveal written before records had targets: the device is its target.
    await storage.set(`audit/${at(3)}/00000000-0000-4000-8000-000000000003`, {
      at: at(3),
      action: 'elevation.reveal',
      outcome: 'revealed',
      deviceName: 'MMD-00002',
      user: { id: 'u1', name: 'Adele Vance' },
      conversation: { id: 'c1', kind: 'personal' },
      correlationId: 'old',
    });
    // Not a record: skipped, never shown.
    await storage.set(`audit/${at(4)}/00000000-0000-4000-8000-000000000004`, { nonsense: true });
  });

  const ids = async (query: Parameters<typeof queryAudit>[1]): Promise<string[]> =>
    (await queryAudit(storage, query)).records.map((r) => r.correlationId);

  it('lists newest first and skips what does not parse', async () => {
    expect(await ids({ limit: 10 })).toEqual(['old', 'corr-2', 'corr-1', 'corr-0']);
  });

  it('filters by user (UPN, name or object id, any case), action, target and time', async () => {
    expect(await ids({ limit: 10, user: 'MEGAN@contoso.com' })).toEqual(['corr-2']);
    expect(await ids({ limit: 10, user: 'aad-1' })).toEqual(['corr-1', 'corr-0']);
    expect(await ids({ limit: 10, actions: auditActionsFor('close') })).toEqual(['corr-1']);
    expect(await ids({ limit: 10, target: { kind: 'device', id: 'mmd-00002' } })).toEqual(['old']);
    expect(await ids({ limit: 10, target: { kind: 'device', id: 'MMD-00007' } })).toEqual(['corr-1']);
    expect(await ids({ limit: 10, target: { kind: 'ticket', id: 'MMD-1-A' } })).toEqual(['corr-2', 'corr-0']);
    expect(await ids({ limit: 10, since: new Date(at(2)) })).toEqual(['old', 'corr-2']);
  });

  it('pages with a cursor: the next page starts after the last record shown', async () => {
    const first = await queryAudit(storage, { limit: 2 });
    expect(first.records.map((r) => r.correlationId)).toEqual(['old', 'corr-2']);
    expect(first.next).toBeDefined();
    const second = await queryAudit(storage, { limit: 2, before: first.next });
    expect(second.records.map((r) => r.correlationId)).toEqual(['corr-1', 'corr-0']);
    expect(second.next).toBeUndefined();
  });

  it('is append-only: a record key is never written twice, and a bad record is refused', async () => {
    const keys = await storage.list('audit/');
    await expect(storage.set(keys[0]!, { x: 1 }, { ifMatch: null })).rejects.toThrow();
    await expect(writeAudit(storage, { ...record(5), action: 'bogus' as never })).rejects.toThrow();
  });

  it('knows the filter words', () => {
    expect(auditActionsFor('Note')).toEqual(['ticket.note']);
    expect(auditActionsFor('elevation.reveal')).toEqual(['elevation.reveal']);
    expect(auditActionsFor('subscription')).toHaveLength(3);
    expect(auditActionsFor('bogus')).toBeUndefined();
  });
});
