import { BotHarness, cardOf, cardText, type InvokeResponse } from '../helpers/bot-harness';
import { findActions, validateCard } from '../helpers/card-validation';

/**
 * Issue 14: help is right for the person reading it. Each role's help card lists what that role
 * may run (admins see `elevation` and `audit`; readers no operator or admin command), and every
 * Try button of it answers with sandbox data, pressed over /api/messages by that person.
 */
const PEOPLE = {
  reader: { id: 'u-reader', name: 'Rita Reader', aadObjectId: 'aad-reader' },
  operator: { id: 'u-operator', name: 'Oscar Operator', aadObjectId: 'aad-operator' },
  admin: { id: 'u-admin', name: 'Alex Wilber', aadObjectId: 'aad-admin' },
} as const;

type Role = keyof typeof PEOPLE;

// Usage lines as help shows them.
const OPERATOR_COMMANDS = ['new ticket', 'request elevation <device>', 'new incident', 'report enrollment failure [device]'];
const ADMIN_COMMANDS = ['elevation <device>', 'audit [user <upn>] [action <kind>] [ticket <id>|device <name>] [since <yyyy-mm-dd>]'];

/** What an answer without real data says: not found, refused, not understood, failed. */
const EMPTY_ANSWER = /could not find|No .* (was|were) found|did not understand|went wrong|needs the \w+ role|No elevation requests|has no open elevation request|No records match|not exist/i;

describe('help per role, every Try button', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await BotHarness.start({ env: { DEFAULT_ROLE: 'reader', OPERATORS: 'aad-operator', ELEVATION_ADMINS: 'aad-admin' } });
    for (const person of Object.values(PEOPLE)) harness.connector.members.set(person.id, { ...person });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  async function helpOf(role: Role): Promise<Record<string, unknown>> {
    const card = cardOf((await harness.say('help', { user: PEOPLE[role] }))[0]);
    expect(validateCard(card)).toEqual([]);
    return card;
  }
  const tries = (card: unknown) =>
    findActions(card)
      .filter((a) => a.title === 'Try')
      .map((a) => String((a.data as { text: string }).text));

  it('readers see no operator or admin command; operators no admin command; admins see elevation and audit', async () => {
    const lines = async (role: Role) => cardText(await helpOf(role)).split('\n');
    const reader = await lines('reader');
    const operator = await lines('operator');
    const admin = await lines('admin');
    for (const usage of [...OPERATOR_COMMANDS, ...ADMIN_COMMANDS]) expect(reader).not.toContain(usage);
    for (const usage of OPERATOR_COMMANDS) expect(operator).toContain(usage);
    for (const usage of ADMIN_COMMANDS) expect(operator).not.toContain(usage);
    for (const usage of [...OPERATOR_COMMANDS, ...ADMIN_COMMANDS]) expect(admin).toContain(usage);
    expect(tries(await helpOf('admin'))).toEqual(expect.arrayContaining(['audit', 'elevation MMD-00002']));
  });

  /** The text a person reads in the answer to a Try button (an invoke: card or words). */
  const answer = (res: InvokeResponse) => (typeof res.value === 'string' ? res.value : cardText(res.value));

  it.each(Object.keys(PEOPLE) as Role[])('every Try button of the %s help card answers with sandbox data', async (role) => {
    const examples = tries(await helpOf(role));
    expect(examples.length).toBeGreaterThan(10);
    const empty: string[] = [];
    for (const example of examples) {
      const res = await harness.execute('command', { text: example }, { user: PEOPLE[role] });
      expect(res.statusCode).toBe(200);
      const text = answer(res);
      if (EMPTY_ANSWER.test(text) || text.trim() === '') empty.push(`${example}: ${text.slice(0, 200)}`);
    }
    expect(empty).toEqual([]);
  });
});
