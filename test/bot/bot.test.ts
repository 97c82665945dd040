import { findActions } from '../helpers/card-validation';
import { BotHarness, cardOf, cardText, type SendOptions } from '../helpers/bot-harness';
import { resultsOf } from './extensions/extension-helpers';

describe('the bot over /api/messages', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await BotHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(() => harness.connector.clear());

  it('answers help with the help card, which says sandbox mode', async () => {
    const replies = await harness.say('help');
    expect(replies).toHaveLength(1);
    const text = cardText(cardOf(replies[0]));
    expect(text).toMatch(/devices/);
    expect(text).toMatch(/tickets/);
    expect(text).toMatch(/sandbox/i);
  });

  it('strips the Teams mention before parsing', async () => {
    const replies = await harness.say('<at>MMD Assist</at>&nbsp;help', { conversationType: 'channel' });
    expect(cardText(cardOf(replies[0]))).toMatch(/devices/);
  });

  it('answers unknown input with a short card: Did you mean, and a button for the closest command', async () => {
    const replies = await harness.say('tikets');
    expect(replies).toHaveLength(1);
    expect(cardText(cardOf(replies[0]))).toMatch(/did you mean/i);
    expect(findActions(cardOf(replies[0])).map((a) => a.title)).toContain('tickets');
  });

  it('welcomes once on install, even when Teams announces it twice', async () => {
    const conversationId = 'personal-welcome-1';
    await harness.post(harness.activity({ type: 'installationUpdate', action: 'add' }, { conversationId }));
    await harness.post(
      harness.activity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }, { id: 'user-1' }] }, { conversationId }),
    );
    const sent = harness.connector.sent(conversationId);
    expect(sent).toHaveLength(1);
    expect(cardText(cardOf(sent[0]))).toMatch(/sandbox/i);
  });

  it('does not welcome when someone else joins', async () => {
    const conversationId = 'group-join-1';
    await harness.post(
      harness.activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-2' }] }, { conversationId, conversationType: 'groupChat' }),
    );
    expect(harness.connector.sent(conversationId)).toHaveLength(0);
  });

  it('refuses an unknown card verb and tampered card data, changing nothing', async () => {
    const unknown = await harness.execute('tickets.deleteAll', {});
    expect(unknown.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(unknown.value)).toMatch(/not one I know/);

    const tampered = await harness.execute('devices.page', { skip: -5 });
    expect(tampered.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(tampered.value)).toMatch(/nothing was changed/);

    const submitted = await harness.submit({ verb: '__proto__', x: 1 });
    expect(String(submitted[0]!.text)).toMatch(/not one I know/);
  });

  it('routes an Action.Submit fallback like the Execute it stands for', async () => {
    const replies = await harness.submit({ verb: 'command', text: 'help' });
    expect(cardText(cardOf(replies[0]))).toMatch(/devices/);
  });

  it('replaces the card in place for Action.Execute', async () => {
    const res = await harness.execute('devices.page', { skip: 10 });
    expect(res.statusCode).toBe(200);
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(res.value)).toMatch(/MMD-/);
  });

  // A card chosen in the message extension and sent into the chat: the edge tells it from a message.
  it('stays quiet when the user sends a chosen card into the chat with the bot (no words of its own)', async () => {
    const [result] = resultsOf((await harness.invoke('composeExtension/selectItem', { kind: 'device', name: 'MMD-00001' })).body);
    const attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: result!.content }];
    const before = harness.connector.calls.length;
    const shared = harness.activity({
      type: 'message',
      text: '\n<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension"><span content="0" itemprop="cardId"></span></span>\n',
      attachments,
    });
    expect((await harness.post(shared)).status).toBe(200);
    expect(harness.connector.calls.slice(before).filter((c) => c.method === 'POST')).toEqual([]);
    // Words with the card are still a message to the bot.
    const typed = await harness.post(harness.activity({ type: 'message', text: 'help', attachments }));
    expect(typed.status).toBe(200);
    expect(harness.connector.calls.slice(before).filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  // Teams always sends an object value with an invoke; anything else is a malformed activity,
  // refused by the transport's shape check (src/server/activity-shape.ts) before the bot runs.
  it('an invoke whose value is not an object is a 400 from the transport, never a 500', async () => {
    for (const [name, value] of [
      ['composeExtension/query', null],
      ['composeExtension/selectItem', 'MMD-00001'],
      ['composeExtension/selectItem', null],
    ] as const) {
      const { status } = await harness.invoke(name, value);
      expect(status).toBe(400);
    }
  });
});

// Issue 25 point 6, over /api/messages: group chats and channels are told to @mention the bot.
describe('group chat and channel', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await BotHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it.each([['groupChat'], ['channel']] as const)('the welcome card in a %s says "@MMD Assist help"', async (conversationType) => {
    const conversationId = `welcome-${conversationType}`;
    await harness.post(
      harness.activity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }] }, { conversationId, conversationType }),
    );
    const [welcome] = harness.connector.sent(conversationId);
    expect(cardText(cardOf(welcome))).toContain('@MMD Assist help');
    // The sandbox's default user is an operator: New ticket is offered.
    expect(findActions(cardOf(welcome)).map((a) => a.title)).toContain('New ticket');
  });

  it('a reader is not offered New ticket', async () => {
    const readers = await BotHarness.start({ env: { DEFAULT_ROLE: 'reader', OPERATORS: 'otto@contoso.com' } });
    try {
      await readers.post(
        readers.activity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }] }, { conversationId: 'welcome-reader' }),
      );
      const [welcome] = readers.connector.sent('welcome-reader');
      expect(findActions(cardOf(welcome)).map((a) => a.title)).toEqual(['Show help', 'Devices', 'Tickets']);
    } finally {
      await readers.stop();
    }
  });

  it('a message without a command gets the hint once; commands are answered as ever', async () => {
    const where: SendOptions = { conversationType: 'channel', conversationId: '19:hint@thread.tacv2' };
    const first = await harness.say('lunch at noon, anyone?', where);
    expect(first).toHaveLength(1);
    expect(String(first[0]!.text)).toContain('@MMD Assist help');
    expect(await harness.say('lunch at one then', where)).toHaveLength(0);
    const help = await harness.say('<at>MMD Assist</at> help', where);
    expect(cardText(cardOf(help[0]))).toMatch(/devices/);
    // A 1:1 chat is not told to mention anyone.
    const personal = await harness.say('lunch at noon, anyone?');
    expect(JSON.stringify(personal)).not.toContain('@MMD Assist');
  });
});
