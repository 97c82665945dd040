import { findActions, validateCard } from '../helpers/card-validation';
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

/**
 * Issue 14: times in the viewer's time zone, from the activity's localTimezone (else the offset
 * of its localTimestamp), with the same instant in UTC beside it. Over /api/messages.
 */
describe('times in the viewer’s time zone', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await BotHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  async function say(text: string, where: Record<string, unknown>): Promise<string> {
    const before = harness.connector.calls.length;
    const { status } = await harness.post(harness.activity({ type: 'message', text, ...where }));
    expect(status).toBe(200);
    const sent = harness.connector.calls.slice(before).filter((c) => c.method === 'POST');
    const card = cardOf(sent[0]?.activity);
    expect(validateCard(card)).toEqual([]);
    return cardText(card);
  }

  const minutes = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`) / 60_000;

  /** Every "<day> <time> <zone> · <[day] time> UTC" in the text, as [local minus UTC] in minutes. */
  function shifts(text: string, zone: string): number[] {
    const pattern = new RegExp(
      `(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}) ${zone.replace(/[/+]/g, '\\$&')} · (?:(\\d{4}-\\d{2}-\\d{2}) )?(\\d{2}:\\d{2}) UTC\\)`,
      'g',
    );
    return [...text.matchAll(pattern)].map((m) => minutes(m[1]!, m[2]!) - minutes(m[3] ?? m[1]!, m[4]!));
  }

  it('localTimezone Asia/Kolkata: the device card’s times are in IST, each with its UTC time', async () => {
    const text = await say('device MMD-00001', { localTimezone: 'Asia/Kolkata', localTimestamp: '2026-12-01T11:30:00.000+05:30' });
    const found = shifts(text, 'Asia/Kolkata');
    expect(found.length).toBeGreaterThanOrEqual(2); // Enrolled and Last sync
    expect(found.every((m) => m === 330)).toBe(true);
    expect(text).not.toMatch(/\(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/); // no UTC-only exact time is left
  });

  it('a ticket with notes: created, and each note’s time, in America/New_York', async () => {
    const text = await say('ticket MMD-1465058-R5V8P', {
      localTimezone: 'America/New_York',
      localTimestamp: '2026-12-01T06:30:00.000-05:00',
    });
    const found = shifts(text, 'America/New_York');
    expect(found.length).toBeGreaterThanOrEqual(2);
    // -5 h in winter, -4 h in summer: the zone's own rule for each date, not today's offset.
    expect(found.every((m) => m === -300 || m === -240)).toBe(true);
  });

  it('without localTimezone, the offset of localTimestamp is used', async () => {
    const text = await say('device MMD-00001', { localTimestamp: '2026-12-01T01:00:00.000-05:00' });
    const found = shifts(text, 'UTC-05:00');
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.every((m) => m === -300)).toBe(true);
  });

  it('an unknown zone name falls back to the offset; nothing at all stays UTC', async () => {
    const odd = await say('device MMD-00001', { localTimezone: 'Mars/Olympus_Mons', localTimestamp: '2026-12-01T07:00:00.000+01:00' });
    expect(shifts(odd, 'UTC+01:00').length).toBeGreaterThanOrEqual(2);
    expect(odd).not.toContain('Mars');
    const plainUtc = await say('device MMD-00001', {});
    expect(plainUtc).toMatch(/\(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/);
    expect(plainUtc).not.toMatch(/UTC[+-]\d{2}:\d{2}/);
  });

  it('Action.Execute answers (a list page, a detail opened from it) use the zone too', async () => {
    const res = await harness.post(
      harness.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        localTimezone: 'Asia/Kolkata',
        localTimestamp: '2026-12-01T11:30:00.000+05:30',
        value: { action: { type: 'Action.Execute', verb: 'device.open', data: { name: 'MMD-00001' } }, trigger: 'manual' },
      }),
    );
    expect(res.status).toBe(200);
    const text = cardText((res.body as { value: unknown }).value);
    expect(shifts(text, 'Asia/Kolkata').length).toBeGreaterThanOrEqual(2);
  });
});
