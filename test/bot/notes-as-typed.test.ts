import { noteText } from '../../src/cards/note-rows';
import { EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { cardOf } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findElements } from '../helpers/card-validation';

const runs = (card: unknown) => [...findElements(card, 'TextRun'), ...findElements(card, 'TextBlock')].map((r) => String(r.text));

/** Issue 25 point 2: a note with no HTML tag is plain text (line breaks kept); HTML stays HTML. */
describe('notes as typed', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('a note posted as plain text keeps its line breaks although the service labels it "html"', async () => {
    await harness.app.mmd.tickets.addNote(EXAMPLE_TICKET_ID, 'Typed three\nTyped four');
    const stored = (await harness.app.mmd.tickets.notes(EXAMPLE_TICKET_ID)).at(-1)!;
    expect(stored.renderType).toBe('html');
    for (const text of [`notes ${EXAMPLE_TICKET_ID}`, `ticket ${EXAMPLE_TICKET_ID}`]) {
      const card = cardOf((await harness.say(text))[0]);
      expect({ text, shown: runs(card).some((r) => r.includes('Typed three\nTyped four')) }).toEqual({ text, shown: true });
    }
  });

  it('HTML is converted as before; a "<" that opens no tag is text', () => {
    expect(noteText({ text: '<p>One</p><p>Two<br>Three</p>', renderType: 'html' })).toBe('One\n\nTwo\nThree');
    expect(noteText({ text: 'a < b and c > d\r\nnext', renderType: 'html' })).toBe('a < b and c > d\nnext');
    expect(noteText({ text: 'Typed\n<b>bold</b>', renderType: 'html' })).toBe('Typed bold');
  });
});
