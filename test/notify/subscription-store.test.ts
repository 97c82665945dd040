import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageStore } from '../../src/notify/message-store';
import { matchesFilter, parseSubscriptionFilter } from '../../src/notify/subscription-filter';
import { SubscriptionStore } from '../../src/notify/subscription-store';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { target } from './notify-fixtures';

describe('SubscriptionStore over SQLite', () => {
  let dir: string;
  let storage: SqliteStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'subs-'));
    storage = new SqliteStorage(join(dir, 'db.sqlite'));
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes both ways, keeps odd ids apart and forgets a whole conversation', async () => {
    const subs = new SubscriptionStore(storage);
    const messages = new MessageStore(storage);
    const odd = '19:a/b c@thread.v2';
    await subs.subscribe('MMD-1', target(odd, 'channel'), 'u', new Date());
    await subs.subscribe('MMD-2', target(odd, 'channel'), 'u', new Date());
    await subs.subscribe('MMD-1', target('chat-1'), 'u', new Date());
    await subs.subscribe('MMD-1', target('chat-1'), 'u', new Date()); // twice: still one
    await subs.setFilter(odd, { maxSeverity: 2 });
    await messages.setThreadRoot(odd, 'MMD-1', 'root-1');

    expect((await subs.subscribersOf('MMD-1')).sort()).toEqual([odd, 'chat-1'].sort());
    expect(await subs.ticketsOf(odd)).toEqual(['MMD-1', 'MMD-2']);
    expect([...(await subs.followedTickets())].sort()).toEqual(['MMD-1', 'MMD-2']);
    expect(await subs.filters()).toEqual([{ conversationKey: odd, filter: { maxSeverity: 2 } }]);
    expect(await subs.getTarget(odd)).toMatchObject({ key: odd, kind: 'channel' });

    expect(await subs.unsubscribe('MMD-2', 'chat-1')).toBe(false); // not subscribed: nothing changes
    expect(await subs.isSubscribed('MMD-1', 'chat-1')).toBe(true);

    await subs.dropConversation(odd);
    expect(await subs.subscribersOf('MMD-1')).toEqual(['chat-1']);
    expect(await subs.ticketsOf(odd)).toEqual([]);
    expect(await subs.filters()).toEqual([]);
    expect(await subs.getTarget(odd)).toBeUndefined();
    expect(await messages.threadRoot(odd, 'MMD-1')).toBeUndefined();
    expect([...(await subs.followedTickets())]).toEqual(['MMD-1']);
  });
});

describe('subscribe all filters', () => {
  it('parses severity and states and refuses anything else', () => {
    expect(parseSubscriptionFilter('')).toEqual({ filter: {} });
    expect(parseSubscriptionFilter('severity <= 2')).toEqual({ filter: { maxSeverity: 2 } });
    expect(parseSubscriptionFilter('sev<=1 state active, resolved')).toEqual({
      filter: { maxSeverity: 1, states: ['active', 'resolved'] },
    });
    expect(parseSubscriptionFilter('state Active')).toEqual({ filter: { states: ['active'] } });
    for (const bad of ['severity <= 9', 'everything', 'state <script>', 'severity <= 2 please'])
      expect(parseSubscriptionFilter(bad)).toHaveProperty('error');
  });

  it('matches by severity ceiling and state', () => {
    expect(matchesFilter({ maxSeverity: 2 }, { severity: 1, state: 'active' })).toBe(true);
    expect(matchesFilter({ maxSeverity: 2 }, { severity: 3, state: 'active' })).toBe(false);
    expect(matchesFilter({ maxSeverity: 2 }, { severity: null, state: 'active' })).toBe(false);
    expect(matchesFilter({ states: ['active'] }, { severity: 4, state: 'Active ' })).toBe(true);
    expect(matchesFilter({ states: ['active'] }, { severity: 4, state: 'resolved' })).toBe(false);
    expect(matchesFilter({}, { severity: null, state: null })).toBe(true);
  });
});
