import { EXAMPLE_DEVICE, EXAMPLE_TICKET_ID, EXAMPLE_USER_UPN } from '../../src/emulator/seed';
import { cardOf, cardText, answerText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findActions, validateCard } from '../helpers/card-validation';

/** Each chat command through the real /api/messages against the emulator. */
describe('chat commands', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  async function cardFor(text: string): Promise<Record<string, unknown>> {
    const replies = await harness.say(text);
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]);
    expect(validateCard(card)).toEqual([]);
    return card;
  }

  it('devices: lists the first page with a Next button', async () => {
    const card = await cardFor('devices');
    expect(cardText(card)).toContain(EXAMPLE_DEVICE);
    const next = findActions(card).find((a) => a.verb === 'devices.page');
    expect(next?.data).toMatchObject({ skip: 10 });
  });

  it('devices <search>: finds devices of a user', async () => {
    const card = await cardFor(`show devices for ${EXAMPLE_USER_UPN}`);
    const text = cardText(card);
    expect(text).toMatch(/MMD-\d+/);
    expect(text).toContain('adele');
  });

  it('devices with no match says so in the card', async () => {
    const card = await cardFor('devices zz-no-such-thing-zz');
    expect(cardText(card)).toMatch(/no devices/i);
  });

  it('device <name>: details with groups, configurations and actions', async () => {
    const card = await cardFor(`device ${EXAMPLE_DEVICE}`);
    const text = cardText(card);
    expect(text).toContain(EXAMPLE_DEVICE);
    const verbs = findActions(card).map((a) => a.verb);
    expect(verbs).toEqual(expect.arrayContaining(['elevations.page', 'elevation.requestForm', 'ticket.newForm']));
  });

  it('device that does not exist: a clear not found, not an error card', async () => {
    const text = cardText(await cardFor('device MMD-99999999'));
    expect(text).toMatch(/could not find a device/i);
    expect(text).toContain('99999999');
  });

  it('users and user <upn>', async () => {
    const list = await cardFor('users');
    expect(cardText(list)).toMatch(/@/);
    const user = await cardFor(`user ${EXAMPLE_USER_UPN}`);
    expect(cardText(user)).toContain('adele');
    const missing = cardText(await cardFor('user nobody@contoso.com'));
    expect(missing).toMatch(/could not find a user/i);
  });

  it('tickets with filters in words ask the API for exactly those', async () => {
    const card = await cardFor('tickets active high');
    const log = harness.app.emulator!.requestLog();
    const last = decodeURIComponent(log[log.length - 1]!.url).replace(/\+/g, ' ');
    expect(last).toContain("state eq 'active'");
    expect(last).toContain('severity eq 2');
    expect(last).toContain('createdDateTime desc');
    expect(cardText(card)).toMatch(/High/);
  });

  it('tickets about <words> searches titles', async () => {
    await cardFor('tickets about printer');
    const log = harness.app.emulator!.requestLog();
    expect(log.some((r) => decodeURIComponent(r.url).includes("contains(title,'printer')"))).toBe(true);
  });

  it('ticket <id> and notes <id>', async () => {
    const card = await cardFor(`ticket ${EXAMPLE_TICKET_ID}`);
    expect(cardText(card)).toContain(EXAMPLE_TICKET_ID);
    const notes = await cardFor(`notes ${EXAMPLE_TICKET_ID}`);
    expect(cardText(notes)).toContain(EXAMPLE_TICKET_ID);
    const missing = cardText(await cardFor('ticket MMD-0000000-ZZZZZ'));
    expect(missing).toMatch(/could not find ticket/i);
  });

  it('elevations and elevations <device>', async () => {
    const all = await cardFor('elevations');
    expect(cardText(all)).toMatch(/MMD-\d+/);
    await cardFor(`elevations ${EXAMPLE_DEVICE}`);
    const log = harness.app.emulator!.requestLog();
    expect(decodeURIComponent(log[log.length - 1]!.url).replace(/\+/g, ' ')).toContain(`deviceName eq '${EXAMPLE_DEVICE}'`);
  });

  it('pages devices to the last page in place, with no Next there', async () => {
    let skip = 0;
    let pages = 0;
    for (;;) {
      const res = await harness.execute('devices.page', { skip });
      expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(validateCard(res.value)).toEqual([]);
      pages += 1;
      const next = findActions(res.value).find((a) => a.verb === 'devices.page' && Number((a.data as { skip: number }).skip) > skip);
      if (!next) break;
      skip = Number((next.data as { skip: number }).skip);
      expect(pages).toBeLessThan(20);
    }
    expect(pages).toBe(6); // 60 seeded devices, 10 a page
  });

  it('ticket list filter verb applies the chosen state and severity', async () => {
    const res = await harness.execute('tickets.filter', { state: 'resolved', severity: '2,3' });
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    const log = harness.app.emulator!.requestLog();
    const last = decodeURIComponent(log[log.length - 1]!.url).replace(/\+/g, ' ');
    expect(last).toContain("state eq 'resolved'");
    expect(last).toMatch(/severity eq 2 or severity eq 3|severity eq 3 or severity eq 2/);
  });

  it('an API failure shows the error card with a correlation id, and retrying later works', async () => {
    harness.app.emulator!.faults.add({ path: '/users', status: 500, times: 1 });
    const replies = await harness.say('users');
    const text = cardText(cardOf(replies[0]));
    expect(text).toMatch(/went wrong/i);
    expect(text).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    const again = await cardFor('users');
    expect(cardText(again)).toMatch(/@/);
  });

  it('subscribing to a ticket stores the conversation reference for notifications', async () => {
    const res = await harness.execute('ticket.subscribe', { id: EXAMPLE_TICKET_ID });
    expect(answerText(res)).toMatch(/now gets an update/i);
    const keys = await harness.app.storage.list(`subscriptions/${EXAMPLE_TICKET_ID}/`);
    expect(keys).toHaveLength(1);
    expect(await harness.app.notify.subscriptions.getTarget('personal-conv-1')).toMatchObject({
      kind: 'personal',
      serviceUrl: harness.connector.url,
    });
  });
});
