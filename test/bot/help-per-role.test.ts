import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
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
const EMPTY_ANSWER =
  /could not find|No .* (was|were) found|did not understand|went wrong|needs the \w+ role|No elevation requests|has no open elevation request|No records match|not exist/i;

describe('help per role, every Try button', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start({
      env: { DEFAULT_ROLE: 'reader', OPERATORS: 'aad-operator', ELEVATION_ADMINS: 'aad-admin', BOT_ADMINS: 'aad-admin' },
    });
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
  const tryButtons = (card: unknown) => findActions(card).filter((a) => a.title === 'Try');
  const tries = (card: unknown) => tryButtons(card).map((a) => String((a.data as { text: string }).text));

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

  it.each(Object.keys(PEOPLE) as Role[])('every Try button of the %s help card answers with sandbox data', async (role) => {
    const help = await helpOf(role);
    const buttons = tryButtons(help);
    expect(buttons.length).toBeGreaterThan(10);
    const empty: string[] = [];
    for (const button of buttons) {
      const data = button.data as { text: string; keep?: string };
      expect(data.keep).toBe('help');
      harness.connector.clear();
      // Pressed with exactly the button's data: the help card stays, the answer is a new message.
      const res = await harness.execute(String(button.verb), data, { user: PEOPLE[role] });
      expect(res.statusCode).toBe(200);
      expect(res.value).toEqual(help);
      const text = harness.connector
        .sent()
        .map((a) => (a.attachments ? cardText(cardOf(a)) : typeof a.text === 'string' ? a.text : ''))
        .join('\n');
      if (EMPTY_ANSWER.test(text) || text.trim() === '') empty.push(`${data.text}: ${text.slice(0, 200)}`);
    }
    expect(empty).toEqual([]);
  });
});
