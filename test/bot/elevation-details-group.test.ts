import { EXAMPLE_ELEVATED_DEVICE } from '../../src/emulator/seed';
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { detailCalls } from './elevation-details-helpers';

const GROUP = 'd2b7c1a0-0000-4000-8000-0000000000ad';
const MEMBER = { id: 'user-g1', name: 'Grady Member', aadObjectId: 'aad-g1' };
const NON_MEMBER = { id: 'user-g2', name: 'Nora Outside', aadObjectId: 'aad-g2' };
const UNKNOWN = { id: 'user-g3', name: 'Guest Person', aadObjectId: 'aad-g3' };

function graphCalls(harness: TurnHarness, from = 0): string[] {
  return harness.app
    .emulator!.requestLog()
    .slice(from)
    .map((e) => e.url)
    .filter((u) => u.startsWith('/graph/'));
}

describe('elevation admins by Entra group membership (Graph)', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: { ELEVATION_ADMIN_GROUP_ID: GROUP, ELEVATION_REVEAL_SECONDS: '60' } });
    const res = await fetch(`${harness.app.emulator!.url}/_emulator/graph/directory`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ groups: { [GROUP]: [MEMBER.aadObjectId] }, users: [NON_MEMBER.aadObjectId] }),
    });
    expect(res.status).toBe(204);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('lets a group member in, and asks Graph once per user while the decision is cached', async () => {
    const before = harness.app.emulator!.requestLog().length;
    const first = await harness.say(`elevation ${EXAMPLE_ELEVATED_DEVICE}`, { user: MEMBER, conversationId: 'personal-g1' });
    expect(cardText(cardOf(first[0]))).toMatch(/password is hidden/i);
    await harness.say(`elevation ${EXAMPLE_ELEVATED_DEVICE}`, { user: MEMBER, conversationId: 'personal-g1' });
    expect(graphCalls(harness, before)).toEqual([`/graph/v1.0/users/${MEMBER.aadObjectId}/checkMemberGroups`]);
  });

  it.each([
    ['a user outside the group', NON_MEMBER],
    ['a user Graph does not know (404)', UNKNOWN],
  ])('refuses %s and fetches no details', async (_label, user) => {
    const before = harness.app.emulator!.requestLog().length;
    const replies = await harness.say(`elevation ${EXAMPLE_ELEVATED_DEVICE}`, { user, conversationId: `personal-${user.id}` });
    expect(String(replies[0]!.text)).toMatch(/needs the elevation-admin role/i);
    expect(graphCalls(harness, before)).toHaveLength(1);
    expect(detailCalls(harness, before)).toEqual([]);
  });

  it('fails closed when Graph is down, says to try again, and does not cache that', async () => {
    const user = { id: 'user-g4', name: 'Una Lucky', aadObjectId: 'aad-g4' };
    harness.app.emulator!.faults.add({ path: '^/graph/', status: 503, times: 3 });
    const down = await harness.say(`elevation ${EXAMPLE_ELEVATED_DEVICE}`, { user, conversationId: 'personal-g4' });
    expect(String(down[0]!.text)).toMatch(/could not check your rights/i);
    // Graph is back: the next try asks again (a failed check is never cached) and still refuses a non-member.
    const before = harness.app.emulator!.requestLog().length;
    const again = await harness.say(`elevation ${EXAMPLE_ELEVATED_DEVICE}`, { user, conversationId: 'personal-g4' });
    expect(String(again[0]!.text)).toMatch(/needs the elevation-admin role/i);
    expect(graphCalls(harness, before)).toHaveLength(1);
  });
});
