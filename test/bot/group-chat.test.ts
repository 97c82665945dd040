/** Issue 25 point 6, over /api/messages: group chats and channels are told to @mention the bot. */
import { BotHarness, cardOf, cardText, type SendOptions } from '../helpers/bot-harness';
import { findActions } from '../helpers/card-validation';

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
