import { parseIntent } from '../../src/intents/parse-intent';
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findActions, findElements, validateCard } from '../helpers/card-validation';

type Json = Record<string, unknown>;

/**
 * Issue 14: the elevation list shows category / subcategory per row, each row opens the request
 * (with Back to the list), and the list filters open / closed, by buttons and by command. Over
 * /api/messages against the sandbox emulator.
 */
describe('elevation list', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const listCard = async (text: string) => {
    const card = cardOf((await harness.say(text))[0]);
    expect(validateCard(card)).toEqual([]);
    return card;
  };
  /** The rows' state column: TextRuns (not button titles) reading "Open" or "Closed … ago". */
  const states = (card: unknown) =>
    findElements(card, 'TextRun')
      .map((run) => String(run.text))
      .filter((text) => /^(Open|Closed .*(ago|just now))$/.test(text));

  it.each([
    ['elevations open', 'open'],
    ['open elevation requests', 'open'],
    ['elevations closed', 'closed'],
    ['show closed elevation requests', 'closed'],
    ['elevations', undefined],
  ])('"%s" is the elevation list, state %s', (text, state) => {
    const intent = parseIntent(text);
    expect(intent.kind).toBe('elevations');
    expect((intent as { state?: string }).state).toBe(state);
  });

  it('`elevations open` lists only open requests, `elevations closed` only closed ones; both say so', async () => {
    const all = await listCard('elevations');
    expect(cardText(all)).toContain('✓ All');

    const open = await listCard('elevations open');
    expect(cardText(open)).toContain('Open elevation requests');
    expect(states(open).length).toBeGreaterThan(0);
    expect(states(open).every((s) => s === 'Open')).toBe(true);

    const closed = await listCard('elevations closed');
    expect(cardText(closed)).toContain('Closed elevation requests');
    expect(states(closed).length).toBeGreaterThan(0);
    expect(states(closed).every((s) => s.startsWith('Closed'))).toBe(true);
  });

  it('the filter buttons switch the list in place, the shown one marked', async () => {
    const all = await listCard('elevations');
    const closedButton = findActions(all).find((a) => a.title === 'Closed');
    expect(closedButton).toBeDefined();
    const closed = (await harness.execute(String(closedButton!.verb), closedButton!.data)).value;
    expect(cardText(closed)).toContain('Closed elevation requests');
    expect(findActions(closed).some((a) => a.title === '✓ Closed')).toBe(true);
    expect(states(closed).every((s) => s.startsWith('Closed'))).toBe(true);
  });

  it('rows show category / subcategory; Open shows the request, and Back restores the filtered list', async () => {
    const list = await listCard('elevations open');
    // Every sandbox request has a category and a subcategory.
    expect(cardText(list)).toMatch(/\n[A-Z][^\n]* \/ [^\n]+\n/);
    const open = findActions(list).find((a) => a.verb === 'elevation.open');
    expect(open).toBeDefined();
    const data = open!.data as Json;
    const detail = (await harness.execute('elevation.open', data)).value;
    expect(validateCard(detail)).toEqual([]);
    const text = cardText(detail);
    expect(text).toContain(String(data.id));
    expect(text).toContain('Category');
    expect(text).toContain('Plan of action');
    const back = findActions(detail).find((a) => String(a.title).startsWith('← Back'));
    expect(back).toMatchObject({ verb: 'elevations.page', data: { state: 'open', skip: 0 } });
    const again = (await harness.execute(String(back!.verb), back!.data)).value;
    expect(cardText(again)).toBe(cardText(list));
  });

  it('a request that does not exist is said so', async () => {
    const res = await harness.execute('elevation.open', { id: '00000000-0000-0000-0000-000000000000' });
    expect(cardText(res.value)).toContain('could not find elevation request');
  });
});
