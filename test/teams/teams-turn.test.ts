import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { createTeamsTurn, DEFAULT_DEADLINES } from '../../src/teams/teams-turn';

function turnFor(activity: Partial<Activity>, unmarkedIsPersonal = false) {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const logger = createLogger({ level: 'debug', destination });
  const context = new TurnContext(new TestAdapter(), {
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/emea/',
    from: { id: '29:user', name: 'Adele Vance', aadObjectId: 'aad-1' },
    recipient: { id: '28:bot', name: 'MMD Assist' },
    conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, tenantId: 't-1', name: '' },
    ...activity,
  });
  return { turn: createTeamsTurn(context, { logger, botAppId: 'app-id', deadlines: DEFAULT_DEADLINES, unmarkedIsPersonal }), lines };
}

describe('createTeamsTurn', () => {
  it('tells handlers who and where, without the TurnContext', () => {
    const { turn } = turnFor({
      replyToId: 'card-1',
      rawLocalTimestamp: '2026-11-22T15:02:00.000-05:30',
      localTimezone: 'Asia/Kolkata',
    } as Partial<Activity>);
    expect(turn).toMatchObject({
      kind: 'message',
      conversation: 'personal',
      conversationId: 'a:1',
      tenantId: 't-1',
      user: { id: '29:user', name: 'Adele Vance', aadObjectId: 'aad-1' },
      replyToId: 'card-1',
      utcOffsetMinutes: -330,
      localTimezone: 'Asia/Kolkata',
    });
    expect(turn).not.toHaveProperty('context');
    expect(turn.signal.aborted).toBe(false);
    expect(turn.reference()).toEqual({
      serviceUrl: 'https://smba.example/emea/',
      channelId: 'msteams',
      bot: { id: '28:bot', name: 'MMD Assist' },
      user: { id: '29:user', name: 'Adele Vance', aadObjectId: 'aad-1' },
      conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, tenantId: 't-1' },
    });
  });

  it('an untyped conversation is personal only for the Playground', () => {
    // What the Agents Playground sends for its 1:1 chat: neither conversationType nor isGroup.
    const conversation = { id: 'pg-1', name: '' } as Activity['conversation'];
    expect(turnFor({ conversation }).turn.conversation).toBe('unknown');
    expect(turnFor({ conversation }, true).turn.conversation).toBe('personal');
    expect(turnFor({ type: 'invoke' }).turn.kind).toBe('invoke');
  });

  it('looks the member up once per turn, and a failed look-up is undefined, logged once', async () => {
    // TestAdapter has no connector: getMember fails.
    const { turn, lines } = turnFor({});
    expect(await turn.member()).toBeUndefined();
    expect(await turn.member()).toBeUndefined();
    expect(lines.filter((l) => l.includes('Teams member look-up failed'))).toHaveLength(1);
  });
});
