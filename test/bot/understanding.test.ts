import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findActions, findElements, validateCard } from '../helpers/card-validation';
import { expectCleanCard } from '../cards/card-checks';

/** Issue 14: typos and small talk get a short card with one-click buttons, over /api/messages. */
describe('understanding what people mean', () => {
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
    expectCleanCard(card);
    return card;
  }

  const buttons = (card: unknown) => findActions(card).map((a) => [a.title, (a.data as { text: string }).text]);

  it.each([
    ['devcies', 'devices'],
    ['tikcets', 'tickets'],
  ])('%s: "Did you mean" in the card with a button running %s', async (typed, command) => {
    const card = await cardFor(typed);
    const text = cardText(card);
    expect(text).toContain('Did you mean');
    expect(text).toContain(typed);
    expect(text).not.toContain('What MMD Assist can do'); // not the whole help card
    expect(buttons(card)[0]).toEqual([command, command]);
    // One click runs it.
    const res = await harness.execute('command', { text: command });
    expect(cardText(res.value)).not.toContain('Did you mean');
  });

  it('keeps what followed the mistyped command on the button', async () => {
    const card = await cardFor('usres adele');
    expect(buttons(card)).toContainEqual(['users adele', 'users adele']);
  });

  it.each(['hi', 'hello there', 'thanks', 'thank you!'])('%s: a short answer with starting points, not the help card', async (typed) => {
    const card = await cardFor(typed);
    expect(cardText(card)).not.toContain('What MMD Assist can do');
    expect(buttons(card).map(([title]) => title)).toEqual(['devices', 'tickets', 'help']);
  });

  it('shows hostile text typed as gibberish exactly as typed, in a TextRun', async () => {
    const card = await cardFor('[x](https://evil.example) **zzz**');
    expect(cardText(card)).toContain('[x](https://evil.example) **zzz**');
  });
});

describe('search that users expect', () => {
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
    expectCleanCard(card);
    return card;
  }

  /** Names of the devices a list card opens. */
  const opened = (card: unknown) =>
    findActions(card)
      .filter((a) => a.verb === 'device.open')
      .map((a) => (a.data as { name: string }).name);

  it.each(['devices non-compliant', 'which devices are non-compliant?'])(
    '%s: only non-compliant devices, saying what was searched',
    async (typed) => {
      const card = await cardFor(typed);
      const text = cardText(card);
      expect(text).toMatch(/Searched the compliance state of \d+ devices: \d+ matched/);
      const names = opened(card);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const device = cardText(cardOf((await harness.say(`device ${name}`))[0]));
        expect(device).toContain('Non-compliant');
      }
    },
  );

  it('devices surface: matches the model, which the service search does not cover', async () => {
    const text = cardText(await cardFor('devices surface'));
    expect(text).toMatch(/Searched the model and user name of \d+ devices/);
    expect(text).toMatch(/Surface/);
  });

  it('ticket 12345 (not a ticket id) says so instead of listing every ticket', async () => {
    const text = cardText(await cardFor('ticket 12345'));
    expect(text.replace(/\s+/g, ' ')).toContain('I could not find ticket 12345 . Ticket IDs');
    expect(text).toContain('Ticket IDs look like');
  });
});

describe('tickets: states and title search', () => {
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
    expectCleanCard(card);
    return card;
  }

  it('the state filter offers New, Active, Resolved and Closed', async () => {
    const card = await cardFor('tickets');
    const state = findElements(card, 'Input.ChoiceSet').find((c) => c.id === 'state');
    expect((state?.choices as Array<{ title: string }>).map((c) => c.title)).toEqual(['New', 'Active', 'Resolved', 'Closed']);
  });

  it("tickets active asks for the service's own state 'active'", async () => {
    await cardFor('tickets active');
    const log = harness.app.emulator!.requestLog();
    expect(decodeURIComponent(log[log.length - 1]!.url).replace(/\+/g, ' ')).toContain("state eq 'active'");
  });

  it('title search ignores case, saying what was searched', async () => {
    const text = cardText(await cardFor('tickets about PRINTER'));
    expect(text).toMatch(/Printer|printer/);
    expect(text).toMatch(/searched ignoring case/);
  });
});
