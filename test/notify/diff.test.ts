import { diffTicket, newNotes } from '../../src/notify/diff';
import { changeEventId } from '../../src/notify/notify-event';
import type { TicketSnapshot } from '../../src/notify/ticket-snapshot';

const base: TicketSnapshot = {
  id: 'MMD-1',
  title: 'Outlook crashes',
  state: 'active',
  severity: 3,
  nextActionOwner: 'Microsoft',
  nextActionTime: null,
  resolvedDateTime: null,
  createdDateTime: '2026-11-20T10:00:00Z',
};

describe('diffTicket', () => {
  it('finds nothing between equal snapshots', () => {
    expect(diffTicket(base, { ...base })).toEqual([]);
  });

  it('lists every watched field that changed, old and new, in a fixed order', () => {
    const after = { ...base, state: 'resolved', severity: 2, nextActionOwner: 'Customer', resolvedDateTime: '2026-11-22T10:00:00Z' };
    expect(diffTicket(base, after)).toEqual([
      { kind: 'field', field: 'state', from: 'active', to: 'resolved' },
      { kind: 'field', field: 'severity', from: 3, to: 2 },
      { kind: 'field', field: 'nextActionOwner', from: 'Microsoft', to: 'Customer' },
      { kind: 'field', field: 'resolvedDateTime', from: null, to: '2026-11-22T10:00:00Z' },
    ]);
  });

  it('ignores drift that means the same (case and spacing of a state, blank vs null, one instant two spellings)', () => {
    const before = { ...base, state: 'Active ', nextActionTime: '2026-11-23T09:00:00Z', nextActionOwner: '' };
    const after = { ...base, state: 'active', nextActionTime: '2026-11-23T09:00:00.000Z', nextActionOwner: null };
    expect(diffTicket(before, after)).toEqual([]);
  });

  it('notices a next action time that is set, moved or cleared', () => {
    const set = { ...base, nextActionTime: '2026-11-23T09:00:00Z' };
    expect(diffTicket(base, set)).toHaveLength(1);
    expect(diffTicket(set, { ...base, nextActionTime: '2026-11-24T09:00:00Z' })).toHaveLength(1);
    expect(diffTicket(set, base)).toEqual([{ kind: 'field', field: 'nextActionTime', from: '2026-11-23T09:00:00Z', to: null }]);
  });

  it('does not report the title or creation time (not watched)', () => {
    expect(diffTicket(base, { ...base, title: 'other', createdDateTime: null })).toEqual([]);
  });
});

describe('newNotes', () => {
  const note = (id: string, at: string) => ({ id, sender: 'x', createdDateTime: at, text: 't', renderType: 'html' });
  it('returns notes with unseen ids, oldest first', () => {
    const notes = [note('3', '2026-11-22T03:00:00Z'), note('1', '2026-11-22T01:00:00Z'), note('2', '2026-11-22T02:00:00Z')];
    expect(newNotes(['1'], notes).map((n) => n.id)).toEqual(['2', '3']);
    expect(newNotes(['1', '2', '3'], notes)).toEqual([]);
  });
});

describe('changeEventId', () => {
  it('is the same for the same ticket, revision and changes, and differs otherwise', () => {
    const changes = diffTicket(base, { ...base, state: 'resolved' });
    expect(changeEventId('MMD-1', 0, changes)).toBe(changeEventId('MMD-1', 0, changes));
    expect(changeEventId('MMD-1', 1, changes)).not.toBe(changeEventId('MMD-1', 0, changes));
    expect(changeEventId('MMD-2', 0, changes)).not.toBe(changeEventId('MMD-1', 0, changes));
  });
});
