import { randomUUID } from 'node:crypto';
import { routes } from '../../../src/bot/routes';
import type { Role } from '../../../src/config/roles';
import { COMMANDS } from '../../../src/intents/commands';
import { EXAMPLE_ELEVATED_DEVICE } from '../../../src/emulator/seed';
import { VERBS, type Verb } from '../../../src/protocol/verbs';
import { cardOf, cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { roleOf } from '../../../src/bot/use-cases';

/*
 * Walks the routing table: every route above `reader` (chat commands, Action.Execute and
 * Action.Submit of every verb) is refused to a reader before its handler runs: the refusal
 * names the role, and the API sees no call at all (the emulator's request log stays the same).
 */

const READER = { id: 'user-r', name: 'Rita Reader', aadObjectId: 'aad-reader' };
const OPERATOR = { id: 'user-o', name: 'Otto Operator', aadObjectId: 'aad-operator' };

/** Data each verb's schema accepts (a genuine card's data). A new verb needs a line here. */
const SAMPLES: Partial<Record<Verb, Record<string, unknown>>> = {
  'ticket.newForm': {},
  'ticket.create': { formId: randomUUID(), title: 'Printer', description: 'Broken', category: 'Devices' },
  'ticket.chooseCategory': { formId: randomUUID(), category: 'Networking' },
  'elevation.chooseCategory': { formId: randomUUID(), category: 'Office' },
  'ticket.addNoteForm': { id: 'MMD-1' },
  'ticket.addNote': { formId: randomUUID(), ticketId: 'MMD-1', text: 'hello' },
  'elevation.requestForm': {},
  'elevation.create': { formId: randomUUID(), deviceName: EXAMPLE_ELEVATED_DEVICE },
  'elevation.closeForm': { id: 'req-1' },
  'elevation.close': { formId: randomUUID(), requestId: 'req-1', actionsTaken: 'done' },
  'elevation.reveal': { deviceName: EXAMPLE_ELEVATED_DEVICE },
  'elevation.hide': { deviceName: EXAMPLE_ELEVATED_DEVICE },
  'audit.page': {},
  'incident.newForm': {},
  'incident.create': { formId: randomUUID(), displayName: 'Suspicious sign-in' },
  'incident.update': { formId: randomUUID(), id: '2972395', change: 'status', status: 'resolved' },
  'incident.ticketForm': { id: '2972395' },
  'enrollmentFailure.reportForm': {},
  'enrollmentFailure.report': { formId: randomUUID() },
};

const privilegedVerbs = Object.entries(routes.verbs)
  .filter(([, route]) => roleOf(route.useCase) !== 'reader')
  .map(([verb, route]) => [verb as Verb, roleOf(route.useCase)] as const);
const privilegedIntents = Object.entries(routes.intents)
  .filter(([, route]) => roleOf(route.useCase) !== 'reader')
  .map(([intent, route]) => [intent, roleOf(route.useCase)] as const);

function sample(verb: Verb): Record<string, unknown> {
  const data = SAMPLES[verb];
  if (!data) throw new Error(`add a sample of ${verb}'s data to SAMPLES in this test`);
  const parsed = VERBS[verb].safeParse(data);
  if (!parsed.success) throw new Error(`the sample of ${verb} does not pass its schema: ${parsed.error.message}`);
  return data;
}

describe('roles: every privileged route refuses a reader before its handler runs', () => {
  let harness: TurnHarness;
  // The ticket notifier polls the ticket list in the background from the start; its list calls
  // are not the refused route's doing, so they are left out of the count.
  const apiCalls = () =>
    harness.app
      .emulator!.requestLog()
      .filter((e) => !(e.method === 'GET' && /\/tickets\?/.test(e.url) && e.url.includes('createdDateTime'))).length;

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: { DEFAULT_ROLE: 'reader', OPERATORS: 'otto@contoso.com', ELEVATION_ADMINS: 'aad-admin-x' } });
    harness.connector.members.set(READER.id, { ...READER, userPrincipalName: 'rita@contoso.com' });
    harness.connector.members.set(OPERATOR.id, { ...OPERATOR, userPrincipalName: 'otto@contoso.com' });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('the table has privileged routes of both kinds (the walk is not empty)', () => {
    expect(privilegedVerbs.length).toBeGreaterThanOrEqual(8);
    expect(privilegedIntents.map(([i]) => i)).toEqual(expect.arrayContaining(['newTicket', 'requestElevation', 'elevation', 'audit']));
  });

  it.each(privilegedVerbs)('Action.Execute %s (needs %s)', async (verb, role: Role) => {
    const before = apiCalls();
    const res = await harness.execute(verb, sample(verb), { user: READER, conversationId: 'personal-reader' });
    expect(String(res.value)).toMatch(new RegExp(`needs the ${role} role, and you have the reader role`));
    expect(apiCalls()).toBe(before);
  });

  it.each(privilegedVerbs)('Action.Submit %s (needs %s)', async (verb, role: Role) => {
    const before = apiCalls();
    const replies = await harness.submit({ verb, ...sample(verb) }, { user: READER, conversationId: 'personal-reader' });
    expect(replies).toHaveLength(1);
    expect(String(replies[0]!.text)).toMatch(new RegExp(`needs the ${role} role`));
    expect(replies[0]!.attachments).toBeUndefined();
    expect(apiCalls()).toBe(before);
  });

  it.each(privilegedIntents)('chat command %s (needs %s), typed and from a help button', async (intent, role) => {
    const command = COMMANDS.find((c) => c.intent === intent);
    if (!command) throw new Error(`no command in COMMANDS for intent ${intent}`);
    const before = apiCalls();
    const typed = await harness.say(command.example, { user: READER, conversationId: 'personal-reader' });
    expect(String(typed[0]!.text)).toMatch(new RegExp(`needs the ${role} role`));
    const button = await harness.execute('command', { text: command.example }, { user: READER, conversationId: 'personal-reader' });
    expect(String(button.value)).toMatch(new RegExp(`needs the ${role} role`));
    expect(apiCalls()).toBe(before);
  });

  it.each(
    Object.entries(routes.extensions.action)
      .flatMap(([id, r]) => [
        ['fetchTask', id, roleOf(r.open.useCase)],
        ['submitAction', id, roleOf(r.submit.useCase)],
      ])
      .filter(([, , role]) => role !== 'reader'),
  )('message extension %s %s (needs %s)', async (kind, commandId, role) => {
    const before = apiCalls();
    const { status, body } = await harness.invoke(
      `composeExtension/${kind}`,
      { commandId, commandContext: 'compose', data: { formId: randomUUID(), title: 'x' } },
      { user: READER, conversationId: 'personal-reader' },
    );
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toMatch(new RegExp(`needs the ${role} role`));
    expect(apiCalls()).toBe(before);
  });

  it('an operator may open the new ticket form but not reveal elevation details', async () => {
    const form = await harness.execute('ticket.newForm', {}, { user: OPERATOR, conversationId: 'personal-operator' });
    expect(form.type).toBe('application/vnd.microsoft.card.adaptive');
    const reveal = await harness.execute('elevation.reveal', sample('elevation.reveal'), {
      user: OPERATOR,
      conversationId: 'personal-operator',
    });
    expect(String(reveal.value)).toMatch(/needs the elevation-admin role, and you have the operator role/);
  });

  it('help shows each user only the commands their role allows', async () => {
    const reader = cardText(cardOf((await harness.say('help', { user: READER, conversationId: 'personal-reader' }))[0]));
    const operator = cardText(cardOf((await harness.say('help', { user: OPERATOR, conversationId: 'personal-operator' }))[0]));
    expect(reader).toMatch(/List or search managed devices/);
    expect(reader).not.toMatch(/Open a new support ticket|Ask for local admin elevation|Recent reveals/);
    expect(operator).toMatch(/Open a new support ticket/);
    expect(operator).toMatch(/Ask for local admin elevation/);
    expect(operator).not.toMatch(/Recent reveals|elevation details/);
  });
});

describe('roles: defaults', () => {
  it('sandbox mode without lists makes everyone an admin, so every flow can be tried', async () => {
    const harness = await TurnHarness.start();
    try {
      const help = cardText(cardOf((await harness.say('help'))[0]));
      expect(help).toMatch(/audit/);
      const audit = await harness.say('audit');
      expect(cardText(cardOf(audit[0]))).toMatch(/Audit log/);
    } finally {
      await harness.stop();
    }
  });
});
