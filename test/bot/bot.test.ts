import { findActions } from '../helpers/card-validation';
import { BotHarness, cardOf, cardText } from '../helpers/bot-harness';

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
});
