import { randomUUID } from 'node:crypto';
import { addNoteForm } from '../../src/cards/note-form-card';
import { cardBytes, findActions, findElements, MAX_CARD_BYTES, validateCard } from '../helpers/card-validation';
import { expectCleanCard, textOf } from './card-checks';
import { EVIL_LINK, NOW } from './sample-data';

describe('addNoteForm', () => {
  it('names the ticket, escapes its title, and offers Add note and Cancel', () => {
    const formId = randomUUID();
    const card = addNoteForm({ ticketId: 'MMD-1465058-R5V8P', ticketTitle: EVIL_LINK, formId, now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('Add a note to ticket MMD-1465058-R5V8P');
    expect(findActions(card).map((a) => [a.verb, a.data])).toEqual([
      ['ticket.addNote', { formId, ticketId: 'MMD-1465058-R5V8P' }],
      ['ticket.open', { id: 'MMD-1465058-R5V8P' }],
    ]);
    expect(findElements(card, 'Input.Text')[0]).toMatchObject({ id: 'text', isRequired: true, maxLength: 4000, isMultiline: true });
  });

  it('shows the message and keeps the note, even at its longest', () => {
    const card = addNoteForm({
      ticketId: 'MMD-1',
      formId: randomUUID(),
      values: { text: 'n'.repeat(4000) },
      errors: { text: 'Enter the note (at most 4000 characters).' },
      now: NOW,
    });
    expect(validateCard(card)).toEqual([]);
    expect(findElements(card, 'Input.Text')[0]!.value).toBe('n'.repeat(4000));
    expect(textOf(card)).toMatch(/Please correct the field marked below/);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});
