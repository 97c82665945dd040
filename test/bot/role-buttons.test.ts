/** Issue 25 point 5: no button a role cannot use, over /api/messages against the emulator. */
import { EXAMPLE_DEVICE, EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { cardOf } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findActions } from '../helpers/card-validation';

const CHANGE_VERBS = [
  'ticket.addNoteForm',
  'ticket.newForm',
  'elevation.requestForm',
  'enrollmentFailure.reportForm',
  'incident.update',
  'incident.ticketForm',
];

async function verbsShown(harness: TurnHarness): Promise<string[]> {
  const cards = [
    cardOf((await harness.say(`ticket ${EXAMPLE_TICKET_ID}`))[0]),
    cardOf((await harness.say(`device ${EXAMPLE_DEVICE}`))[0]),
    cardOf((await harness.say('incident 1014'))[0]),
  ];
  return cards.flatMap((card) => findActions(card).map((a) => String(a.verb ?? a.type)));
}

describe('buttons by role', () => {
  it('a reader sees no change buttons on tickets, devices and incidents; an operator sees them', async () => {
    const readers = await TurnHarness.start({ env: { DEFAULT_ROLE: 'reader', OPERATORS: 'otto@contoso.com' } });
    try {
      const shown = await verbsShown(readers);
      expect(shown.filter((v) => CHANGE_VERBS.includes(v))).toEqual([]);
      expect(shown).not.toContain('Action.ToggleVisibility');
      // What a reader can use is still there.
      expect(shown).toEqual(expect.arrayContaining(['ticket.subscribe', 'elevations.page', 'enrollmentFailures.page', 'incident.open']));
    } finally {
      await readers.stop();
    }
    const operators = await TurnHarness.start();
    try {
      expect(await verbsShown(operators)).toEqual(expect.arrayContaining(CHANGE_VERBS));
    } finally {
      await operators.stop();
    }
  });
});
