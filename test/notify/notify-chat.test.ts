/**
 * Ticket notifications as users meet them: commands over the bot's real /api/messages, ticket
 * changes made through the emulator's admin routes, a notifier round run directly, and what
 * arrives at the (fake) Bot Connector.
 */
import { EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { BotHarness, cardOf, cardText, type SendOptions, answerText } from '../helpers/bot-harness';
import { emulatorAdmin } from './notify-fixtures';

const PERSONAL: SendOptions = { conversationType: 'personal', conversationId: 'a:personal-adele' };
const CHANNEL: SendOptions = { conversationType: 'channel', conversationId: '19:ops@thread.tacv2' };

let h: BotHarness;
let emulatorUrl: string;

beforeEach(async () => {
  h = await BotHarness.start();
  emulatorUrl = h.app.emulator!.url;
  // The first round takes the baseline snapshot: changes after it are news.
  await h.app.notify.notifier.runOnce();
});

afterEach(async () => {
  await h.stop();
});

const change = (body: Record<string, unknown>, id = EXAMPLE_TICKET_ID) =>
  emulatorAdmin(emulatorUrl, `/_emulator/tickets/${id}/changes`, body);
const round = () => h.app.notify.notifier.runOnce();
const notifications = (conversationId: string) =>
  h.connector.delivered(conversationId).filter((c) => /Ticket updated/.test(cardTextOrEmpty(c.activity)));

async function say(text: string, options: SendOptions): Promise<string> {
  const sent = await h.say(text, options);
  return sent.map((a) => answerText(a)).join('\n');
}

function cardTextOrEmpty(activity: Record<string, unknown>): string {
  try {
    return cardText(cardOf(activity));
  } catch {
    return '';
  }
}

describe('ticket notifications through the bot', () => {
  it('a change reaches a subscribed personal chat once, with what changed; unsubscribe stops it', async () => {
    expect(await say(`subscribe ${EXAMPLE_TICKET_ID}`, PERSONAL)).toMatch(/now gets an update/);
    h.connector.clear();
    await change({ severity: 1, nextActionOwner: 'Contoso desk' });
    await round();
    const [first, ...others] = notifications(PERSONAL.conversationId!);
    expect(others).toEqual([]);
    const text = cardText(cardOf(first!.activity));
    expect(text).toContain(EXAMPLE_TICKET_ID);
    expect(text).toMatch(/Contoso desk/);
    expect(text).toMatch(/Unsubscribe/);
    // Nothing new: nothing sent again.
    await round();
    expect(notifications(PERSONAL.conversationId!)).toHaveLength(1);

    expect(await say(`unsubscribe ${EXAMPLE_TICKET_ID}`, PERSONAL)).toMatch(/no longer gets updates/);
    await change({ nextActionOwner: 'Microsoft' });
    await round();
    expect(notifications(PERSONAL.conversationId!)).toHaveLength(1);
  });

  it('in a channel, later updates about the ticket are replies in the thread of the first notification', async () => {
    await say(`subscribe ${EXAMPLE_TICKET_ID}`, CHANNEL);
    h.connector.clear();
    await change({ nextActionOwner: 'Contoso desk' });
    await round();
    await change({ severity: 1 });
    await round();
    const sent = notifications(CHANNEL.conversationId!);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.conversationId).toBe(CHANNEL.conversationId);
    const rootId = await rootActivityId();
    expect(rootId).not.toBe('');
    expect(sent[1]!.conversationId).toBe(`${CHANNEL.conversationId};messageid=${rootId}`);
  });

  it('a "stop" answer from Teams drops the conversation: reference and subscriptions', async () => {
    await say(`subscribe ${EXAMPLE_TICKET_ID}`, PERSONAL);
    h.connector.clear();
    h.connector.failNext(PERSONAL.conversationId!, { status: 403, code: 'ConversationBlockedByUser' });
    await change({ severity: 1 });
    await round();
    // Nothing reached the conversation: no notification, no "something went wrong".
    expect(h.connector.delivered(PERSONAL.conversationId!)).toHaveLength(0);
    expect(h.connector.refused.map((r) => r.code)).toEqual(['ConversationBlockedByUser']);
    expect(await h.app.notify.subscriptions.getTarget(PERSONAL.conversationId!)).toBeUndefined();
    expect(await h.app.notify.subscriptions.subscribersOf(EXAMPLE_TICKET_ID)).toEqual([]);
    // Later changes go nowhere.
    await change({ severity: 2 });
    await round();
    expect(h.connector.delivered(PERSONAL.conversationId!)).toHaveLength(0);
  });

  it('a 429 from the connector is retried after its Retry-After, and delivered once', async () => {
    await say(`subscribe ${EXAMPLE_TICKET_ID}`, PERSONAL);
    h.connector.clear();
    h.connector.failNext(PERSONAL.conversationId!, { status: 429, code: 'Throttled', retryAfter: '1' });
    await change({ severity: 1 });
    await round();
    const [refused] = h.connector.refused;
    expect(refused?.status).toBe(429);
    const sent = notifications(PERSONAL.conversationId!);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.at! - refused!.at).toBeGreaterThanOrEqual(1000);
  });

  it('quiet hours hold the changes; when they end, one digest card carries them all', async () => {
    await say(`subscribe ${EXAMPLE_TICKET_ID}`, PERSONAL);
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const now = Date.now();
    const window = `${hhmm(new Date(now - 3_600_000))}-${hhmm(new Date(now + 3_600_000))}`;
    const setQuiet = await h.say(`notify quiet ${window}`, PERSONAL);
    expect(answerText(setQuiet[0])).toMatch(/Quiet hours/);
    h.connector.clear();
    await change({ severity: 1 });
    await round();
    await change({ nextActionOwner: 'Contoso desk' });
    await round();
    expect(h.connector.delivered(PERSONAL.conversationId!)).toHaveLength(0);

    // The window is over (here: switched off): the held changes go out as one card.
    await h.say('notify quiet off', PERSONAL);
    h.connector.clear();
    await round();
    const sent = h.connector.delivered(PERSONAL.conversationId!);
    expect(sent).toHaveLength(1);
    const text = cardText(cardOf(sent[0]!.activity));
    expect(text).toMatch(/2 updates on 1 ticket/);
    expect(text).toContain('Contoso desk');
    await round();
    expect(h.connector.delivered(PERSONAL.conversationId!)).toHaveLength(1);
  });

  it('subscribe to a ticket the service does not know says so and stores nothing', async () => {
    expect(await say('subscribe MMD-9999999-NOPE1', PERSONAL)).toMatch(/could not find ticket MMD-9999999-NOPE1,/);
    expect(await say('subscribe ../../etc', PERSONAL)).toMatch(/could not find ticket/);
    expect(await h.app.storage.list('subscriptions/')).toEqual([]);
    expect(await h.app.storage.list('notify/following/')).toEqual([]);
  });

  it('a tampered Unsubscribe (another conversation, extra data) changes nothing', async () => {
    await say(`subscribe ${EXAMPLE_TICKET_ID}`, CHANNEL);
    // The button carries only the ticket: the conversation is the turn's own.
    await h.execute('ticket.unsubscribe', { id: EXAMPLE_TICKET_ID }, PERSONAL);
    const injected = await h.execute('ticket.unsubscribe', { id: EXAMPLE_TICKET_ID, conversationId: CHANNEL.conversationId }, PERSONAL);
    expect(answerText(injected)).toMatch(/not subscribed|cannot accept/);
    expect(await h.app.notify.subscriptions.subscribersOf(EXAMPLE_TICKET_ID)).toEqual([CHANNEL.conversationId]);
  });

  it('the ticket card button shows the state and flips in place; subscriptions lists what is followed', async () => {
    const shown = cardText(cardOf((await h.say(`ticket ${EXAMPLE_TICKET_ID}`, PERSONAL))[0]));
    expect(shown).toContain('Subscribe to updates');
    const after = await h.execute('ticket.subscribe', { id: EXAMPLE_TICKET_ID, view: 'ticket' }, PERSONAL);
    expect(after.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(after.value)).toContain('Unsubscribe');
    expect(cardText(after.value)).not.toContain('Subscribe to updates');

    // An index entry left without its subscription (a crash between the two writes) is not counted.
    await h.app.storage.set(`notify/following/${encodeURIComponent(PERSONAL.conversationId!)}/MMD-1400000-STALE`, {
      ticketId: 'MMD-1400000-STALE',
      at: new Date().toISOString(),
    });
    const list = cardText(cardOf((await h.say('subscriptions', PERSONAL))[0]));
    expect(list).toContain(EXAMPLE_TICKET_ID);
    expect(list).toContain('follows 1 ticket');
    expect(list).not.toContain('MMD-1400000-STALE');
    // Each ticket with its title and state.
    const ticket = (await h.app.mmd.tickets.get(EXAMPLE_TICKET_ID))!;
    expect(list).toContain(`${ticket.title!} · ${ticket.state![0]!.toUpperCase()}`);
    const emptied = await h.execute('ticket.unsubscribe', { id: EXAMPLE_TICKET_ID, view: 'subscriptions' }, PERSONAL);
    expect(cardText(emptied.value)).toContain('follows 0 tickets');
  });

  it('a ticket card the bot showed is refreshed in place when the ticket changes', async () => {
    await say(`subscribe ${EXAMPLE_TICKET_ID}`, PERSONAL);
    // Refresh on a ticket card (Action.Execute on message card-msg-1) answers in place there.
    const invoke = h.activity(
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card-msg-1',
        value: { action: { type: 'Action.Execute', verb: 'ticket.open', data: { id: EXAMPLE_TICKET_ID } } },
      },
      PERSONAL,
    );
    expect((await h.post(invoke)).status).toBe(200);
    h.connector.clear();
    await change({ nextActionOwner: 'Contoso desk' });
    await round();
    expect(notifications(PERSONAL.conversationId!)).toHaveLength(1);
    const [update] = h.connector.updates(PERSONAL.conversationId);
    expect(update?.activityId).toBe('card-msg-1');
    const text = cardText(cardOf(update!.activity));
    expect(text).toContain('Contoso desk');
    expect(text).toContain('Unsubscribe');
  });

  it('subscribe all works in channels only, and a channel hears about matching tickets', async () => {
    expect(await say('subscribe all severity <= 2', PERSONAL)).toMatch(/works in a channel or group chat/);
    expect(await say('subscribe all severity <= 9', CHANNEL)).toMatch(/Severity goes from 1/);
    expect(await say('subscribe all severity <= 2', CHANNEL)).toMatch(/admins/);
    h.connector.clear();
    await change({ severity: 1, nextActionOwner: 'Contoso desk' });
    await round();
    expect(notifications(CHANNEL.conversationId!)).toHaveLength(1);
  });

  it('uninstalling the app from a conversation drops its subscriptions', async () => {
    await say(`subscribe ${EXAMPLE_TICKET_ID}`, PERSONAL);
    const { status } = await h.post(h.activity({ type: 'installationUpdate', action: 'remove' }, PERSONAL));
    expect(status).toBe(200);
    expect(await h.app.notify.subscriptions.subscribersOf(EXAMPLE_TICKET_ID)).toEqual([]);
    expect(await h.app.notify.subscriptions.getTarget(PERSONAL.conversationId!)).toBeUndefined();
  });
});

async function rootActivityId(): Promise<string> {
  return (await h.app.notify.messages.threadRoot(CHANNEL.conversationId!, EXAMPLE_TICKET_ID)) ?? '';
}
