import { answerText, cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { findElements } from '../../helpers/card-validation';
import { action, apiCalls, fieldError, inputs, invokeCard, invokeMessage, press } from './form-helpers';

type Json = Record<string, unknown>;

const ADD_NOTE = /\/addNote$/;

describe('add note form', () => {
  let harness: TurnHarness;
  let ticketId: string;

  beforeAll(async () => {
    harness = await TurnHarness.start();
    const page = await harness.app.mmd.tickets.list({ states: ['active'], top: 1 });
    ticketId = page.items[0]!.id;
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(() => harness.app.emulator?.faults.clear());

  async function openForm(id = ticketId): Promise<Json> {
    return invokeCard(await harness.execute('ticket.addNoteForm', { id }));
  }

  it('opens from the ticket card’s "Add note" button', async () => {
    const ticketCard = invokeCard(await harness.execute('ticket.open', { id: ticketId }));
    const button = action(ticketCard, 'ticket.addNoteForm');
    const form = invokeCard(await harness.execute('ticket.addNoteForm', button.data));
    expect(cardText(form)).toContain(`Add a note to ticket ${ticketId}`);
    expect(action(form, 'ticket.addNote').data).toMatchObject({ ticketId, formId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // Cancel goes back to the ticket without the client checking the note.
    expect(action(form, 'ticket.open')).toMatchObject({ associatedInputs: 'none', data: { id: ticketId } });
  });

  it('says so for a ticket that does not exist', async () => {
    expect(answerText(await harness.execute('ticket.addNoteForm', { id: 'MMD-0000000-NOPE0' }))).toMatch(/could not find ticket/);
  });

  it('adds the note once, shows the ticket with it, and answers a double submit the same', async () => {
    const form = await openForm();
    const before = apiCalls(harness, 'POST', ADD_NOTE);
    const first = invokeCard(await press(harness, form, 'ticket.addNote', { text: 'Rebooted twice, still failing.' }));
    const second = invokeCard(await press(harness, form, 'ticket.addNote', { text: 'Rebooted twice, still failing.' }));
    expect(apiCalls(harness, 'POST', ADD_NOTE)).toBe(before + 1);
    expect(cardText(first)).toMatch(/Rebooted twice, still failing\./);
    expect(second).toEqual(first);
    const notes = await harness.app.mmd.tickets.notes(ticketId);
    expect(notes.filter((n) => n.text.includes('Rebooted twice, still failing.'))).toHaveLength(1);
  });

  it('keeps a typed note as typed: its line breaks, and markdown, ${x} and <b> as the characters', async () => {
    const typed = 'Line one\nLine two [click](https://evil.example) **bold** ${x} <b>b</b> & co';
    // Another ticket than the other tests', whose cards would otherwise show this note.
    const other = (await harness.app.mmd.tickets.list({ states: ['active'], top: 2 })).items[1]!.id;
    const form = await openForm(other);
    const ticketCard = invokeCard(await press(harness, form, 'ticket.addNote', { text: typed }), ['${x}']);
    const runs = findElements(ticketCard, 'TextRun').map((r) => String(r.text));
    // The note as shown in the ticket card: exactly what was typed, then the attribution line.
    expect(runs.some((t) => t.startsWith(`${typed}\n\n— `))).toBe(true);
    expect(JSON.stringify(ticketCard)).not.toContain('\\\\');
    // Sent as HTML, escaped, so the service (and its portal) keeps the same text and lines.
    const notes = await harness.app.mmd.tickets.notes(other);
    expect(notes.at(-1)!.text).toMatch(
      /^Line one<br>Line two \[click\]\(https:\/\/evil\.example\) \*\*bold\*\* \$\{x\} &lt;b&gt;b&lt;\/b&gt; &amp; co<br><br>— /,
    );
  });

  it.each([
    ['an empty note', '', /Enter the note/],
    ['a blank note', '  \n ', /Enter the note/],
    ['a note over 4000 characters', 'n'.repeat(4001), /at most 4000/],
  ])('re-renders for %s with the input kept', async (_name, text, message) => {
    const form = await openForm();
    const before = apiCalls(harness, 'POST', ADD_NOTE);
    const again = invokeCard(await press(harness, form, 'ticket.addNote', { text }));
    expect(fieldError(again, 'text')).toMatch(message);
    expect(inputs(again).text).toBe(text);
    expect(apiCalls(harness, 'POST', ADD_NOTE)).toBe(before);
  });

  it.each([
    ['a bad formId', { formId: '1234' }],
    ['a note of the wrong type', { text: { html: '<b>x</b>' } }],
    ['an over-long note', { text: 'n'.repeat(8001) }],
    ['an over-long ticket id', { ticketId: 'T'.repeat(65) }],
  ])('refuses tampered data: %s', async (_name, change) => {
    const form = await openForm();
    const before = apiCalls(harness, 'POST', ADD_NOTE);
    expect(invokeMessage(await press(harness, form, 'ticket.addNote', { text: 'ok', ...change }))).toMatch(/nothing was changed/);
    expect(apiCalls(harness, 'POST', ADD_NOTE)).toBe(before);
  });

  it('shows an unknown ticket (404) in the form, and frees it for another try', async () => {
    const form = await openForm();
    const failed = invokeCard(await press(harness, form, 'ticket.addNote', { text: 'Hello', ticketId: 'MMD-0000000-GONE0' }));
    expect(cardText(failed)).toMatch(/The note was not added: This ticket does not exist\./);
    expect(inputs(failed).text).toBe('Hello');
    const before = apiCalls(harness, 'POST', ADD_NOTE);
    invokeCard(await press(harness, form, 'ticket.addNote', { text: 'Hello' }));
    expect(apiCalls(harness, 'POST', ADD_NOTE)).toBe(before + 1);
  });

  it('says plainly when the outcome is unknown; pressing again asks the service, which has no such note, so it is sent once more', async () => {
    harness.app.emulator!.faults.add({ method: 'POST', path: '/addNote$', status: 502, times: 1 });
    const form = await openForm();
    const before = apiCalls(harness, 'POST', ADD_NOTE);
    const failed = invokeCard(await press(harness, form, 'ticket.addNote', { text: 'Maybe added' }));
    expect(cardText(failed)).toMatch(/cannot tell whether the note was added/);
    const again = invokeCard(await press(harness, failed, 'ticket.addNote'));
    expect(cardText(again)).toMatch(/Maybe added/);
    expect(apiCalls(harness, 'POST', ADD_NOTE)).toBe(before + 2);
    // A third press finds the recorded result: nothing more is sent.
    invokeCard(await press(harness, failed, 'ticket.addNote'));
    expect(apiCalls(harness, 'POST', ADD_NOTE)).toBe(before + 2);
  });
});
