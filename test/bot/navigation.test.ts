/**
 * Issue 25 point 5, over /api/messages against the emulator: Back after every in-place change and
 * on every detail opened from a list; the incident forms have Cancel; enrollment failures name the
 * MMD device and open its card.
 */
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findActions } from '../helpers/card-validation';
import { expectCleanCard } from '../cards/card-checks';
import { action, invokeCard, press } from './forms/form-helpers';

type Json = Record<string, unknown>;
const backOf = (card: unknown) => findActions(card).find((a) => String(a.title).startsWith('← Back'));

describe('navigation', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('incident list → incident has Back, kept after an in-place update; each form has Cancel', async () => {
    const list = cardOf((await harness.say('incidents active'))[0]);
    const open = action(list, 'incident.open');
    let detail = invokeCard(await harness.execute('incident.open', open.data));
    expectCleanCard(detail);
    expect(backOf(detail)).toMatchObject({ title: '← Back to incidents', verb: 'incidents.page', data: { statuses: ['active'] } });
    const cancels = findActions(detail, 'Action.ToggleVisibility').filter((a) => a.title === 'Cancel');
    expect(cancels.map((a) => a.targetElements)).toEqual([['statusForm'], ['assignmentForm'], ['classificationForm']]);
    detail = invokeCard(await press(harness, detail, 'incident.update', { change: 'assignment', assignedTo: 'megan.bowen@contoso.com' }));
    expect(cardText(detail)).toContain('megan.bowen@contoso.com');
    expect(backOf(detail)?.verb).toBe('incidents.page');
    const again = invokeCard(await harness.execute('incidents.page', backOf(detail)!.data));
    expect(cardText(again)).toMatch(/Active/);
  });

  it('ticket list → ticket → Add note, Subscribe, Unsubscribe: the ticket keeps "Back to tickets"', async () => {
    const list = cardOf((await harness.say('tickets'))[0]);
    const open = action(list, 'ticket.open');
    const detail = invokeCard(await harness.execute('ticket.open', open.data));
    expect(backOf(detail)?.title).toBe('← Back to tickets');
    const form = invokeCard(await harness.execute('ticket.addNoteForm', action(detail, 'ticket.addNoteForm').data));
    const cancel = findActions(form).find((a) => a.title === 'Cancel')!;
    expect(backOf(invokeCard(await harness.execute(String(cancel.verb), cancel.data)))?.title).toBe('← Back to tickets');
    const after = invokeCard(await press(harness, form, 'ticket.addNote', { text: 'Checked the dock.' }));
    expect(cardText(after)).toContain('Checked the dock.');
    expect(backOf(after)?.title).toBe('← Back to tickets');
    // Subscribe and Unsubscribe answer in place, and keep Back too.
    const subscribed = invokeCard(await harness.execute('ticket.subscribe', action(after, 'ticket.subscribe').data));
    expect(backOf(subscribed)?.title).toBe('← Back to tickets');
    const unsubscribed = invokeCard(await harness.execute('ticket.unsubscribe', action(subscribed, 'ticket.unsubscribe').data));
    expect(backOf(unsubscribed)?.title).toBe('← Back to tickets');
  });

  it('enrollment failures name the MMD device (by Intune id) and open its card, with Back', async () => {
    const list = cardOf((await harness.say('enrollment failures'))[0]);
    expectCleanCard(list);
    const opens = findActions(list).filter((a) => a.verb === 'device.open');
    expect(opens.length).toBeGreaterThan(0);
    const name = String((opens[0]!.data as Json).name);
    expect(cardText(list)).toContain(`device ${name}`);
    const device = invokeCard(await harness.execute('device.open', opens[0]!.data));
    expect(cardText(device)).toContain(name);
    expect(backOf(device)?.title).toBe('← Back to enrollment failures');
    // The event's own card names the device too, and the list is read once per few minutes.
    const before = harness.app.emulator!.requestLog().filter((r) => /\/devices\?/.test(r.url)).length;
    const event = invokeCard(await harness.execute('enrollmentFailure.open', action(list, 'enrollmentFailure.open').data));
    expect(findActions(event).some((a) => a.verb === 'device.open')).toBe(true);
    expect(backOf(event)?.title).toBe('← Back to enrollment failures');
    expect(harness.app.emulator!.requestLog().filter((r) => /\/devices\?/.test(r.url)).length).toBe(before);
  });
});
