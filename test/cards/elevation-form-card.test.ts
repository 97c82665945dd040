import { randomUUID } from 'node:crypto';
import { ELEVATION_FIELDS } from '../../src/protocol/elevation-rules';
import { requestElevationForm } from '../../src/cards/elevation-form-card';
import { cardBytes, findElements, MAX_CARD_BYTES, validateCard } from '../helpers/card-validation';
import { textOf } from './card-checks';
import { EVIL_LINK, NOW } from './sample-data';

const choiceSet = (card: unknown) => findElements(card, 'Input.ChoiceSet').find((c) => c.id === 'ticketChoice');

describe('requestElevationForm', () => {
  it('offers the open tickets, leaves out ids the server would refuse, and keeps the choice', () => {
    const card = requestElevationForm({
      prefill: { deviceName: 'MMD-00001', ticketChoice: 'MMD-2', category: 'Office' },
      openTickets: [
        { id: 'MMD-1', title: EVIL_LINK },
        { id: 'MMD-2', title: null },
        { id: 'bad id with spaces', title: 'x' },
      ],
      formId: randomUUID(),
      now: NOW,
    });
    expect(validateCard(card)).toEqual([]);
    const set = choiceSet(card)!;
    expect(set.choices).toEqual([
      { title: `MMD-1 · ${EVIL_LINK}`, value: 'MMD-1' }, // choice titles are plain text in Teams
      { title: 'MMD-2 · (no title)', value: 'MMD-2' },
    ]);
    expect(set.value).toBe('MMD-2');
    expect(findElements(card, 'Input.Text').find((i) => i.id === 'deviceName')!.value).toBe('MMD-00001');
    expect(findElements(card, 'Action.Execute').map((a) => a.verb)).toEqual([
      'elevation.chooseCategory',
      'elevation.create',
      'form.cancel',
    ]);
  });

  it('says how to link a ticket when there are none to choose', () => {
    const card = requestElevationForm({ prefill: {}, openTickets: [], formId: randomUUID(), now: NOW });
    expect(validateCard(card)).toEqual([]);
    expect(choiceSet(card)).toBeUndefined();
    expect(textOf(card)).toMatch(/No open tickets to choose from/);
  });

  it('stays valid and small with every field full and in error', () => {
    const prefill = Object.fromEntries(
      Object.entries(ELEVATION_FIELDS).map(([id, rule]) => [id, rule.kind === 'text' ? 'a'.repeat(rule.maxLength) : '']),
    );
    const errors = Object.fromEntries(Object.entries(ELEVATION_FIELDS).map(([id, rule]) => [id, rule.errorMessage]));
    const openTickets = Array.from({ length: 20 }, (_, i) => ({ id: `MMD-${i}`, title: 't'.repeat(300) }));
    const card = requestElevationForm({ prefill, openTickets, formId: randomUUID(), errors, now: NOW });
    expect(validateCard(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});
