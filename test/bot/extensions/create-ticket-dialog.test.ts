import { recentAudit } from '../../../src/state/audit-log';
import { cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { apiCalls, fieldError, inputs } from '../forms/form-helpers';
import { findActions, findElements } from '../../helpers/card-validation';
import { dialogCardOf, dialogMessageOf, invoke, resultsOf, submitAction } from './extension-helpers';

type Json = Record<string, unknown>;

const FETCH = 'composeExtension/fetchTask';
const SUBMIT = 'composeExtension/submitAction';
const TICKETS = /\/tickets$/;
const LINK = 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1700000000000?tenantId=t&groupId=g';

/** A channel message as Teams sends it in `messagePayload` (HTML body). */
const MESSAGE: Json = {
  id: '1700000000000',
  body: {
    contentType: 'html',
    content:
      '<p>Printing fails on <b>MMD-00001</b> and desktop-ab12cd since Monday.</p><p>See ticket mmd-1465058-r5v8p &amp; <a href="https://evil.example">this</a>.</p><script>alert(1)</script>',
  },
  from: { user: { id: 'u-2', displayName: 'Megan Bowen' } },
  linkToMessage: LINK,
};

const fetchValue = (commandId = 'createTicket', messagePayload: Json = MESSAGE): Json => ({
  commandId,
  commandContext: 'message',
  context: { theme: 'default' },
  messagePayload,
});

/** What the dialog sends when its button is pressed: the inputs, the button's data, `changes`. */
function dialogSubmit(card: Json, changes: Json = {}): Json {
  return { ...fetchValue(), data: { ...inputs(card), ...(submitAction(card).data as Json), ...changes } };
}

const FILLED: Json = { type: 'ChangeRequest', subcategory: 'Deployment groups assignment', severity: '4', phone: '+1 425 555 0100' };

describe('message extension: "Create MMD ticket from this message"', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(() => harness.app.emulator?.faults.clear());

  async function openDialog(): Promise<Json> {
    const { status, body } = await invoke(harness, FETCH, fetchValue());
    expect(status).toBe(200);
    return dialogCardOf(body);
  }

  it('opens the new ticket form prefilled from the message (composeExtension/fetchTask)', async () => {
    const { body } = await invoke(harness, FETCH, fetchValue());
    expect((body.task as Json).type).toBe('continue');
    expect(((body.task as Json).value as Json).title).toBe('New MMD ticket');
    const card = dialogCardOf(body);
    const values = inputs(card);
    expect(values).toMatchObject({ category: 'Devices', givenName: 'Adele', surname: 'Vance', email: 'adele.vance@contoso.com' });
    expect(values.title).toBe('Printing fails on MMD-00001 and desktop-ab12cd since Monday.');
    const description = String(values.description);
    expect(description).toContain('See ticket mmd-1465058-r5v8p & this');
    expect(description).not.toMatch(/<|alert|evil\.example/);
    expect(description).toContain('Devices: MMD-00001, DESKTOP-AB12CD');
    expect(description).toContain('Related tickets: MMD-1465058-R5V8P');
    expect(description).toContain(`Teams message from Megan Bowen: ${LINK}`);
    // Dialogs send Action.Submit: Universal Actions do not run there.
    const submit = submitAction(card);
    expect(submit.data).toMatchObject({ verb: 'ticket.create' });
    expect(String((submit.data as Json).formId)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the message link when a long message is cut to the description limit', async () => {
    const long = { ...MESSAGE, body: { contentType: 'text', content: 'word '.repeat(2000) } };
    const card = dialogCardOf((await invoke(harness, FETCH, fetchValue('createTicket', long))).body);
    const description = String(inputs(card).description);
    expect(description.length).toBeLessThanOrEqual(3000);
    expect(description.endsWith(LINK)).toBe(true);
  });

  it('creates the ticket once and answers with its card; a second submit of the same form creates nothing', async () => {
    const card = await openDialog();
    const before = apiCalls(harness, 'POST', TICKETS);
    const first = await invoke(harness, SUBMIT, dialogSubmit(card, FILLED));
    expect(first.status).toBe(200);
    const [created] = resultsOf(first.body);
    const id = /MMD-\d+-[A-Z0-9]+/.exec(cardText(created!.content))?.[0];
    expect(cardText(created!.content)).toContain('Printing fails on MMD-00001');
    // The id the card shows is the ticket the service now holds.
    expect((await harness.app.mmd.tickets.get(id ?? 'no id on the card'))?.title).toContain('Printing fails on MMD-00001');
    expect(apiCalls(harness, 'POST', TICKETS)).toBe(before + 1);

    const again = await invoke(harness, SUBMIT, dialogSubmit(card, FILLED));
    const [replayed] = resultsOf(again.body);
    expect(cardText(replayed!.content)).toContain(id!);
    expect(apiCalls(harness, 'POST', TICKETS)).toBe(before + 1);
    // The same ticket, as the API has it.
    expect((await harness.app.mmd.tickets.get(id!))?.title).toBe('Printing fails on MMD-00001 and desktop-ab12cd since Monday.');
    // Audited once (the replay creates nothing and records nothing), naming the admin.
    const records = (await recentAudit(harness.app.storage, 50)).filter((r) => r.action === 'ticket.create' && r.target?.id === id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'done', user: { name: 'Adele Vance', upn: 'adele.vance@contoso.com' } });
  });

  it('runs the category step in the dialog: Choose subcategory answers with the form, its subcategories those of the category', async () => {
    // A message naming no device: the form starts at step 1 (no category yet).
    const plainMessage = { ...MESSAGE, body: { contentType: 'text', content: 'VPN drops every hour' } };
    const { body } = await invoke(harness, FETCH, fetchValue('createTicket', plainMessage));
    const step1 = dialogCardOf(body);
    const buttons = (step1.actions as Json[]).map((a) => [a.title, (a.data as Json).verb]);
    expect(buttons).toEqual([['Cancel', 'form.cancel']]);
    const choose = findActions(step1, 'Action.Submit').find((a) => a.title === 'Choose subcategory')!;
    expect(choose).toMatchObject({ type: 'Action.Submit', data: { verb: 'ticket.chooseCategory' } });
    const before = apiCalls(harness, 'POST', TICKETS);
    const value = {
      ...fetchValue('createTicket', plainMessage),
      data: { ...inputs(step1), ...(choose.data as Json), category: 'Networking' },
    };
    const step2 = dialogCardOf((await invoke(harness, SUBMIT, value)).body);
    expect(apiCalls(harness, 'POST', TICKETS)).toBe(before);
    const sub = findElements(step2, 'Input.ChoiceSet').find((c) => c.id === 'subcategory')!;
    expect((sub.choices as Json[]).map((c) => c.value)).toEqual(['VPN', 'Wi-Fi', 'Other']);
    expect(inputs(step2)).toMatchObject({ category: 'Networking', title: 'VPN drops every hour' });
    expect(submitAction(step2).data).toMatchObject({ verb: 'ticket.create', formId: (choose.data as Json).formId });
  });

  it('shows field errors in the dialog and creates nothing', async () => {
    const card = await openDialog();
    const before = apiCalls(harness, 'POST', TICKETS);
    const { status, body } = await invoke(harness, SUBMIT, dialogSubmit(card, { ...FILLED, title: '', phone: 'call me' }));
    expect(status).toBe(200);
    const form = dialogCardOf(body);
    expect(fieldError(form, 'title')).toMatch(/Enter a title/);
    expect(fieldError(form, 'phone')).toMatch(/phone number/);
    // What was typed stays, and the same form id goes on.
    expect(inputs(form).description).toContain('Printing fails');
    expect((submitAction(form).data as Json).formId).toBe((submitAction(card).data as Json).formId);
    expect(apiCalls(harness, 'POST', TICKETS)).toBe(before);
  });

  it('answers an API refusal in the dialog with the form again', async () => {
    harness.app.emulator!.faults.add({
      method: 'POST',
      path: '/tickets$',
      status: 400,
      body: { error: { code: '400', message: 'Subcategory is not valid.' } },
      times: 1,
    });
    const card = await openDialog();
    const { body } = await invoke(harness, SUBMIT, dialogSubmit(card, FILLED));
    expect(cardText(dialogCardOf(body))).toContain('did not accept this form, so nothing was changed. It said: Subcategory is not valid.');
  });

  describe('bad input gets a clear message in the dialog, never a 500', () => {
    it.each([
      ['no verb', (d: Json) => ({ ...d, verb: undefined })],
      ['another verb', (d: Json) => ({ ...d, verb: 'elevation.create' })],
      ['a formId that is no UUID', (d: Json) => ({ ...d, formId: '../../etc' })],
      ['a choice no card offers', (d: Json) => ({ ...d, severity: '9' })],
      ['an oversized field', (d: Json) => ({ ...d, description: 'x'.repeat(100_000) })],
    ])('tampered data: %s', async (_what, tamper) => {
      const card = await openDialog();
      const value = dialogSubmit(card, FILLED);
      const before = apiCalls(harness, 'POST', TICKETS);
      const { status, body } = await invoke(harness, SUBMIT, { ...value, data: tamper(value.data as Json) });
      expect(status).toBe(200);
      expect(dialogMessageOf(body)).toMatch(/cannot accept/);
      expect(apiCalls(harness, 'POST', TICKETS)).toBe(before);
    });

    it('data that is not an object', async () => {
      for (const data of [null, 'ticket.create', [1, 2]]) {
        const { status, body } = await invoke(harness, SUBMIT, { ...fetchValue(), data });
        expect(status).toBe(200);
        expect(dialogMessageOf(body)).toMatch(/cannot accept/);
      }
    });

    it('unknown command ids', async () => {
      for (const name of [FETCH, SUBMIT]) {
        const { status, body } = await invoke(harness, name, fetchValue('rebootAllDevices'));
        expect(status).toBe(200);
        expect(dialogMessageOf(body)).toMatch(/does not have that command/);
      }
    });

    it('a message without a payload opens an empty form', async () => {
      const { status, body } = await invoke(harness, FETCH, { commandId: 'createTicket' });
      expect(status).toBe(200);
      expect(inputs(dialogCardOf(body))).toMatchObject({ title: '', description: '', givenName: 'Adele' });
    });
  });
});
