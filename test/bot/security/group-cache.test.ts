import { cardOf, cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';

/*
 * Group membership (OPERATOR_GROUP_ID, ELEVATION_ADMIN_GROUP_ID) is asked of Microsoft Graph
 * (checkMemberGroups) once per user and kept 5 minutes (the bot's clock is pinned and moved
 * here), not on every turn.
 */
const OPERATORS_GROUP = '7c2a3b1e-0000-4000-8000-00000000a001';
const ADMINS_GROUP = '7c2a3b1e-0000-4000-8000-00000000a002';
const MEMBER = { id: 'user-g', name: 'Grace Group', aadObjectId: 'aad-group-member' };
const OUTSIDER = { id: 'user-n', name: 'Ned None', aadObjectId: 'aad-not-member' };

describe('group membership checks are cached per user', () => {
  let harness: TurnHarness;
  let now = new Date('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    harness = await TurnHarness.start({
      env: { OPERATOR_GROUP_ID: OPERATORS_GROUP, ELEVATION_ADMIN_GROUP_ID: ADMINS_GROUP },
      now: () => now,
    });
    const res = await fetch(`${harness.app.emulator!.url}/_emulator/graph/directory`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ groups: { [OPERATORS_GROUP]: [MEMBER.aadObjectId], [ADMINS_GROUP]: [] }, users: [OUTSIDER.aadObjectId] }),
    });
    expect(res.status).toBe(204);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const graphChecks = (aadObjectId: string) =>
    harness.app.emulator!.requestLog().filter((e) => e.method === 'POST' && e.url.includes(`/users/${aadObjectId}/checkMemberGroups`))
      .length;

  it('asks Graph once per user for 5 minutes, then again', async () => {
    for (let i = 0; i < 3; i++) {
      const form = await harness.say('new ticket', { user: MEMBER, conversationId: 'personal-grace' });
      expect(cardText(cardOf(form[0]))).toMatch(/Title/);
      const refused = await harness.say('new ticket', { user: OUTSIDER, conversationId: 'personal-ned' });
      expect(String(refused[0]!.text)).toMatch(/needs the \*\*operator\*\* role|operator/i);
    }
    // One admin-group check and one operator-group check per user, not one per turn.
    expect(graphChecks(MEMBER.aadObjectId)).toBe(2);
    expect(graphChecks(OUTSIDER.aadObjectId)).toBe(2);

    now = new Date(now.getTime() + 5 * 60_000 + 1000);
    await harness.say('new ticket', { user: MEMBER, conversationId: 'personal-grace' });
    expect(graphChecks(MEMBER.aadObjectId)).toBe(4);
  });
});
