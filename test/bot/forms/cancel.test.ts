import { cardOf, cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { findActions } from '../../helpers/card-validation';
import { dialogMessageOf, invoke } from '../extensions/extension-helpers';
import { action, chooseCategory, invokeCard, press } from './form-helpers';

type Json = Record<string, unknown>;

/*
 * Every form has Cancel (issue 14, "Forms that fit the work"): it sends nothing typed
 * (associatedInputs none, so the client's required checks cannot block it), creates or changes
 * nothing, and brings back the card the form was opened from, or says "Cancelled" when the form
 * came from a typed command. Over the bot's real /api/messages against the emulator.
 */

/** The form's Cancel button. */
function cancelOf(card: unknown): Json {
  const found = findActions(card).find((a) => a.title === 'Cancel');
  if (!found) throw new Error(`no Cancel in ${JSON.stringify(findActions(card).map((a) => a.title))}`);
  return found;
}

describe('Cancel on every form', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  /** Writes the emulator received (MMD and Graph): a Cancel must add none. */
  const writes = () => (harness.app.emulator?.requestLog() ?? []).filter((r) => r.method !== 'GET').length;

  /** Presses the form's Cancel as the client does: its own data only. */
  async function cancel(form: unknown): Promise<Json> {
    const button = cancelOf(form);
    expect(button.associatedInputs).toBe('none');
    const before = writes();
    const card = invokeCard(await harness.execute(String(button.verb), button.data));
    expect(writes()).toBe(before);
    return card;
  }

  async function deviceCard(name: string): Promise<Json> {
    return invokeCard(await harness.execute('device.open', { name }));
  }

  /** Opens the form behind a card's button, as the client sends it. */
  async function open(card: unknown, verb: string): Promise<Json> {
    return invokeCard(await harness.execute(verb, action(card, verb).data));
  }

  describe('the new ticket form', () => {
    it('typed "new ticket": Cancel says nothing was created (step 1 and step 2)', async () => {
      const form = cardOf((await harness.say('new ticket'))[0]);
      expect(cardText(await cancel(form))).toBe('Cancelled, nothing was created.');
      const step2 = await chooseCategory(harness, form, 'Networking', { title: 'typed, then cancelled' });
      expect(cardText(await cancel(step2))).toBe('Cancelled, nothing was created.');
    });

    it('from a device card: Cancel brings the device back, also after the server refused a submit', async () => {
      const device = await deviceCard('MMD-00001');
      const form = await open(device, 'ticket.newForm');
      const refused = invokeCard(await press(harness, form, 'ticket.create', { title: '' }));
      expect(cardText(refused)).toMatch(/Please correct/);
      const back = await cancel(refused);
      expect(cardText(back)).toEqual(cardText(device));
    });

    it('from the ticket list: Cancel brings the list back with its filters', async () => {
      const list = cardOf((await harness.say('tickets resolved'))[0]);
      const back = await cancel(await open(list, 'ticket.newForm'));
      expect(() => action(back, 'tickets.filter')).not.toThrow();
      expect(cardText(back)).toEqual(cardText(list));
    });

    it('from a security incident ("Open MMD ticket"): Cancel brings the incident back', async () => {
      const incidents = cardOf((await harness.say('incidents'))[0]);
      const id = String((action(incidents, 'incident.open').data as Json).id);
      const incident = invokeCard(await harness.execute('incident.open', { id }));
      const back = await cancel(await open(incident, 'incident.ticketForm'));
      expect((action(back, 'incident.ticketForm').data as Json).id).toBe(id);
    });

    it("in the message extension's dialog: Cancel answers in the dialog and creates nothing", async () => {
      const fetch = {
        commandId: 'createTicket',
        commandContext: 'message',
        messagePayload: { id: '1', body: { contentType: 'text', content: 'Printer broken' } },
      };
      const { body } = await invoke(harness, 'composeExtension/fetchTask', fetch);
      const dialog = ((body.task as Json).value as Json).card as Json;
      const cancelButton = ((dialog.content as Json).actions as Json[]).find((a) => a.title === 'Cancel')!;
      expect(cancelButton).toMatchObject({ type: 'Action.Submit', associatedInputs: 'none' });
      const before = writes();
      const answer = await invoke(harness, 'composeExtension/submitAction', { ...fetch, data: cancelButton.data });
      expect(dialogMessageOf(answer.body)).toMatch(/Cancelled, nothing was created/);
      expect(writes()).toBe(before);
    });
  });

  it('the note form: Cancel brings the ticket back', async () => {
    const ticket = invokeCard(await harness.execute('ticket.open', { id: 'MMD-1465058-R5V8P' }));
    const back = await cancel(await open(ticket, 'ticket.addNoteForm'));
    expect((action(back, 'ticket.addNoteForm').data as Json).id).toBe('MMD-1465058-R5V8P');
  });

  describe('the elevation request form', () => {
    it('typed: Cancel says nothing was created', async () => {
      const form = cardOf((await harness.say('request elevation MMD-00003'))[0]);
      expect(cardText(await cancel(form))).toBe('Cancelled, nothing was created.');
    });

    it('from a device card: Cancel brings the device back', async () => {
      const back = await cancel(await open(await deviceCard('MMD-00003'), 'elevation.requestForm'));
      expect(cardText(back)).toMatch(/MMD-00003/);
      action(back, 'elevation.requestForm');
    });

    it('from the elevation list: Cancel brings the list back', async () => {
      const list = cardOf((await harness.say('elevations'))[0]);
      const back = await cancel(await open(list, 'elevation.requestForm'));
      expect(cardText(back)).toMatch(/^Elevation requests/);
    });
  });

  describe('the close elevation form', () => {
    it('from the elevation list: Cancel brings the list back', async () => {
      const list = cardOf((await harness.say('elevations'))[0]);
      const back = await cancel(await open(list, 'elevation.closeForm'));
      expect(cardText(back)).toMatch(/^Elevation requests/);
      expect(cardText(back)).toEqual(cardText(list));
    });

    it('from a request opened from the list (Details): Cancel brings the request back, with its Back to the list', async () => {
      const list = cardOf((await harness.say('elevations open'))[0]);
      const details = await open(list, 'elevation.open');
      const back = await cancel(await open(details, 'elevation.closeForm'));
      expect(cardText(back)).toEqual(cardText(details));
      expect(findActions(back).some((a) => a.verb === 'elevations.page' && String(a.title).includes('Back'))).toBe(true);
    });

    it('without a list to go back to: Cancel says nothing was changed', async () => {
      const list = cardOf((await harness.say('elevations'))[0]);
      const { id, deviceName } = action(list, 'elevation.closeForm').data as Json;
      const form = invokeCard(await harness.execute('elevation.closeForm', { id, deviceName }));
      expect(cardText(await cancel(form))).toBe('Cancelled, nothing was changed.');
    });
  });

  describe('the new incident form', () => {
    it('typed: Cancel says nothing was created', async () => {
      const form = cardOf((await harness.say('new incident'))[0]);
      expect(cardText(await cancel(form))).toBe('Cancelled, nothing was created.');
    });

    it('from the incident list: Cancel brings the list back', async () => {
      const list = cardOf((await harness.say('incidents'))[0]);
      const back = await cancel(await open(list, 'incident.newForm'));
      expect(() => action(back, 'incidents.filter')).not.toThrow();
    });
  });

  describe('the enrollment failure form', () => {
    it('from a device card: Cancel brings the device back', async () => {
      const back = await cancel(await open(await deviceCard('MMD-00001'), 'enrollmentFailure.reportForm'));
      expect(cardText(back)).toMatch(/MMD-00001/);
      action(back, 'enrollmentFailure.reportForm');
    });

    it('from the list of enrollment failures: Cancel brings the list back', async () => {
      const list = cardOf((await harness.say('enrollment failures'))[0]);
      const back = await cancel(await open(list, 'enrollmentFailure.reportForm'));
      expect(() => action(back, 'enrollmentFailure.reportForm')).not.toThrow();
      expect(cardText(back)).toEqual(cardText(list));
    });

    it('typed: Cancel says nothing was created', async () => {
      const form = cardOf((await harness.say('report enrollment failure'))[0]);
      expect(cardText(await cancel(form))).toBe('Cancelled, nothing was created.');
    });
  });
});
