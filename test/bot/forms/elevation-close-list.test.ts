import { cardOf, cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { findActions } from '../../helpers/card-validation';
import { action, apiCalls, invokeCard, press } from './form-helpers';

type Json = Record<string, unknown>;

/** Closing is a PATCH of the request (documents 001, 002). */
const CLOSE = /\/elevationRequests\/[^/]+$/;

/*
 * Closing an elevation request from the list does not destroy the list (issue 14): the close
 * form keeps the list it came from, and both a successful close and Cancel bring it back (read
 * again, the request shown as closed). Over the bot's real /api/messages against the emulator.
 */
describe('closing an elevation request from the list', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  /** The Close… buttons of a list card, by request id. */
  const closeButtons = (card: unknown) =>
    new Map(
      findActions(card)
        .filter((a) => a.verb === 'elevation.closeForm')
        .map((a) => [String((a.data as Json).id), a]),
    );

  const rows = (card: unknown) =>
    ((card as Json).body as Json[])
      .filter((item) => item.type === 'Container')
      .map((r) => ({ json: JSON.stringify(r), text: cardText(r) }));

  /** A request's row as text, found by the request id its Details button carries (closed or open). */
  function rowText(card: unknown, id: string): string {
    const found = rows(card).filter((r) => r.json.includes(`"id":"${id}"`));
    expect(found).toHaveLength(1);
    return found[0]!.text;
  }

  it('answers the close with the list, refreshed: the request shown as closed, the other rows kept', async () => {
    const list = cardOf((await harness.say('elevations'))[0]);
    const buttons = closeButtons(list);
    expect(buttons.size).toBeGreaterThan(0);
    const [id, button] = [...buttons][0]!;
    expect(rowText(list, id)).toMatch(/\nOpen\n/);

    const form = invokeCard(await harness.execute(String(button.verb), button.data));
    expect(cardText(form)).toMatch(/Close elevation request/);
    const before = apiCalls(harness, 'PATCH', CLOSE);
    const answer = await press(harness, form, 'elevation.close', { actionsTaken: 'Firmware updated.' });
    expect(apiCalls(harness, 'PATCH', CLOSE)).toBe(before + 1);

    const after = invokeCard(answer);
    expect(cardText(after)).toMatch(/^Elevation requests/);
    expect(closeButtons(after).has(id)).toBe(false);
    expect(rowText(after, id)).toMatch(/\nClosed /);
    // Every other open request can still be closed from the list that came back.
    for (const other of buttons.keys()) if (other !== id) expect(closeButtons(after).has(other)).toBe(true);
    // Paging and the request button are the list's own.
    expect(() => action(after, 'elevation.requestForm')).not.toThrow();

    // A second press of the same form creates nothing and answers with the list again.
    const replay = invokeCard(await press(harness, form, 'elevation.close', { actionsTaken: 'Firmware updated.' }));
    expect(apiCalls(harness, 'PATCH', CLOSE)).toBe(before + 1);
    expect(cardText(replay)).toEqual(cardText(after));
  });

  it("keeps a device's list as it was: the list for that device comes back", async () => {
    const all = cardOf((await harness.say('elevations'))[0]);
    const [, button] = [...closeButtons(all)][0]!;
    const deviceName = String((button.data as Json).deviceName);
    const list = cardOf((await harness.say(`elevations ${deviceName}`))[0]);
    const [id, own] = [...closeButtons(list)][0]!;
    const form = invokeCard(await harness.execute(String(own.verb), own.data));
    const after = invokeCard(await press(harness, form, 'elevation.close', { actionsTaken: 'Done.' }));
    expect(cardText(after)).toMatch(new RegExp(`^Elevation requests for ${deviceName}`));
    expect(rowText(after, id)).toMatch(/\nClosed /);
    expect(closeButtons(after).has(id)).toBe(false);
  });

  it('Cancel brings the list back unchanged, and nothing is closed', async () => {
    const list = cardOf((await harness.say('elevations'))[0]);
    const [id, button] = [...closeButtons(list)][0]!;
    const form = invokeCard(await harness.execute(String(button.verb), button.data));
    const cancel = findActions(form).find((a) => a.title === 'Cancel')!;
    const before = apiCalls(harness, 'PATCH', CLOSE);
    const back = invokeCard(await harness.execute(String(cancel.verb), cancel.data));
    expect(apiCalls(harness, 'PATCH', CLOSE)).toBe(before);
    expect(cardText(back)).toEqual(cardText(list));
    expect(closeButtons(back).has(id)).toBe(true);
  });
});
