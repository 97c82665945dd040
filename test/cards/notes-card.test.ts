import { notesCard } from '../../src/cards/notes-card';
import { cardBytes } from '../helpers/card-validation';
import { expectCleanCard, textOf, verbs } from './card-checks';
import { EVIL_LINK, INJECTION, LONG, NOW, note } from './sample-data';

describe('notesCard', () => {
  it('lists notes newest first with sender and time', () => {
    const card = notesCard({
      ticketId: 'MMD-1465058-R5V8P',
      notes: [
        note(),
        note({ id: 1, text: '<p>Engineer <i>assigned</i></p>', sender: 'Microsoft', createdDateTime: '2026-11-20T08:00:00Z' }),
      ],
      now: NOW,
    });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Notes on MMD-1465058-R5V8P (2)');
    expect(text.indexOf('Engineer assigned')).toBeGreaterThan(-1);
    expect(text.indexOf('Engineer assigned')).toBeLessThan(text.indexOf('This is the test note to add'));
    expect(text).toContain('Microsoft · 2 days ago (2026-11-20 08:00 UTC)');
    expect(verbs(card)).toEqual([
      ['ticket.addNoteForm', { id: 'MMD-1465058-R5V8P' }],
      ['ticket.open', { id: 'MMD-1465058-R5V8P' }],
    ]);
  });

  it('says when there are no notes', () => {
    const card = notesCard({ ticketId: 'MMD-1', notes: [], now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('This ticket has no notes yet.');
  });

  it('survives nasty notes and stays under 28 KB with 40 long ones', () => {
    const notes = Array.from({ length: 40 }, (_, i) =>
      note({
        id: i,
        text: `<script>x</script>${EVIL_LINK} ${INJECTION} ${LONG}`,
        sender: EVIL_LINK,
        createdDateTime: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
      }),
    );
    const card = notesCard({ ticketId: INJECTION, notes, now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('20 older notes not shown.');
    console.log(`notes: 40 long notes ${cardBytes(card)} B`);
  });
});
