import { COMMANDS } from '../../src/intents/commands';
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findActions, findElements, validateCard } from '../helpers/card-validation';
import { ADMIN_ENV } from './elevation-details-helpers';

type Json = Record<string, unknown>;

/** Issue 14: opening from a list keeps a way back; help's Try examples exist in the sandbox. */
describe('finding your way', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: ADMIN_ENV });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const firstCard = async (text: string) => cardOf((await harness.say(text))[0]);
  const action = (card: unknown, verb: string) => {
    const found = findActions(card).find((a) => a.verb === verb);
    if (!found) throw new Error(`no ${verb} in ${JSON.stringify(findActions(card).map((a) => a.verb))}`);
    return found;
  };
  /** What Teams sends for a button: its data, plus the card's input values unless it opts out. */
  const sent = (card: unknown, a: Json): Json => {
    if (a.associatedInputs === 'none') return a.data as Json;
    const values: Json = {};
    for (const type of ['Input.Text', 'Input.ChoiceSet']) {
      for (const input of findElements(card, type)) if (typeof input.id === 'string') values[input.id] = input.value ?? '';
    }
    return { ...values, ...(a.data as Json) };
  };

  it('device list → device → Back restores the same list page and search', async () => {
    const list = await firstCard('devices MMD');
    const open = action(list, 'device.open');
    const detail = (await harness.execute('device.open', sent(list, open))).value;
    expect(validateCard(detail)).toEqual([]);
    const back = findActions(detail).find((a) => String(a.title).startsWith('← Back'));
    expect(back).toMatchObject({ verb: 'devices.page', data: { search: 'MMD', skip: 0 } });
    const again = (await harness.execute(String(back!.verb), back!.data)).value;
    expect(cardText(again)).toBe(cardText(list));
  });

  it('ticket list (filtered) → ticket → Back re-applies the filters', async () => {
    const list = await firstCard('tickets active');
    const open = action(list, 'ticket.open');
    const detail = (await harness.execute('ticket.open', sent(list, open))).value;
    const back = findActions(detail).find((a) => String(a.title).startsWith('← Back'));
    expect(back).toMatchObject({ verb: 'tickets.filter', data: { state: 'active' } });
    const again = (await harness.execute(String(back!.verb), back!.data)).value;
    expect(cardText(again)).toMatch(/Active/);
    expect(findActions(again).some((a) => a.verb === 'ticket.open')).toBe(true);
  });

  it('a forged back view is refused, changing nothing', async () => {
    const res = await harness.execute('device.open', {
      name: 'MMD-00001',
      back: { verb: 'elevation.reveal', data: { deviceName: 'MMD-00002' } },
    });
    expect(String(res.value)).toMatch(/cannot accept/);
  });

  it.each(COMMANDS.map((c) => [c.example]))('help Try "%s" works with the sandbox data', async (example) => {
    const res = await harness.execute('command', { text: example });
    const text = typeof res.value === 'string' ? res.value : cardText(res.value);
    expect(text).not.toMatch(/could not find|No .* was found|did not understand|went wrong/i);
  });
});
