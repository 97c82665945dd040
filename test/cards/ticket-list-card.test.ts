import { ticketListCard } from '../../src/cards/ticket-list-card';
import { cardBytes, findElements } from '../helpers/card-validation';
import { button, expectCleanCard, hasButton, textOf, verbs, findTexts } from './card-checks';
import { EVIL_LINK, INJECTION, LONG, NOW, page, ticket, tickets } from './sample-data';

const NO_FILTERS = { states: [], severities: [] };

describe('ticketListCard', () => {
  it('lists tickets with named severity, type, state, age and owner; rows open the ticket', () => {
    const card = ticketListCard({ page: page(tickets(10)), filters: NO_FILTERS, now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Any state · any severity · Showing 1–10');
    expect(text).toContain('Printer queue stuck on floor 0');
    expect(text).toContain('MMD-1465058-R5V8P · Incident · created 3 days ago · next: Microsoft');
    expect(text).toContain('MMD-1465059-R5V8P · Change request');
    expect(text).toContain('MMD-1465060-R5V8P · Request for information');
    expect(verbs(card).filter(([v]) => v === 'ticket.open')[0]).toEqual([
      'ticket.open',
      expect.objectContaining({ id: 'MMD-1465058-R5V8P' }),
    ]);
    const severity = findTexts(card).filter((t) => ['Critical', 'High', 'Moderate', 'Low'].includes(String(t.text)));
    expect(severity.map((t) => [t.text, t.color])).toEqual([
      ['Critical', 'Attention'],
      ['High', 'Default'],
      ['Moderate', 'Default'],
      ['Low', 'Default'],
      ['Critical', 'Attention'],
      ['High', 'Default'],
      ['Moderate', 'Default'],
      ['Low', 'Default'],
      ['Critical', 'Attention'],
      ['High', 'Default'],
    ]);
    const state = findTexts(card).filter((t) => t.text === 'Active' || t.text === 'Resolved');
    expect(new Set(state.map((t) => `${String(t.text)}:${String(t.color)}`))).toEqual(new Set(['Resolved:Good', 'Active:Accent']));
  });

  it('shows the filters as multi-select pickers holding the current values, with Apply and New ticket', () => {
    const card = ticketListCard({
      page: page(tickets(3), 0, 10, false),
      filters: { states: ['resolved'], severities: [2, 1], text: 'printer' },
      now: NOW,
    });
    expectCleanCard(card);
    const [state, severity] = findElements(card, 'Input.ChoiceSet');
    expect(state).toMatchObject({ id: 'state', style: 'compact', isMultiSelect: true, value: 'resolved' });
    expect(state!.choices).toEqual([
      { title: 'New', value: 'new' },
      { title: 'Active', value: 'active' },
      { title: 'Resolved', value: 'resolved' },
      { title: 'Closed', value: 'closed' },
    ]);
    expect(severity).toMatchObject({ id: 'severity', style: 'compact', isMultiSelect: true, value: '2,1' });
    expect(severity!.choices).toEqual([
      { title: 'Critical', value: '1' },
      { title: 'High', value: '2' },
      { title: 'Moderate', value: '3' },
      { title: 'Low', value: '4' },
    ]);
    expect(findElements(card, 'Input.Text')[0]).toMatchObject({ id: 'text', value: 'printer' });
    expect(button(card, 'Apply filters')).toMatchObject({ verb: 'tickets.filter', data: {} });
    expect(button(card, 'New ticket')).toMatchObject({ verb: 'ticket.newForm', data: {} });
    expect(textOf(card)).toContain('Resolved · High or Critical · title contains “printer” · Showing 1–3');
  });

  it('carries the filters on paging buttons: first, middle, last page', () => {
    const filters = { states: ['active'], severities: [2], text: 'printer' };
    const first = ticketListCard({ page: page(tickets(10)), filters, now: NOW });
    expect(hasButton(first, '◀ Previous')).toBe(false);
    expect(button(first, 'Next ▶').data).toEqual({ states: ['active'], severities: [2], text: 'printer', skip: 10 });
    const middle = ticketListCard({ page: page(tickets(10, 10), 10), filters, now: NOW });
    expect(textOf(middle)).toContain('Showing 11–20');
    expect(button(middle, '◀ Previous').data).toEqual({ states: ['active'], severities: [2], text: 'printer', skip: 0 });
    expect(button(middle, 'Next ▶').data).toEqual({ states: ['active'], severities: [2], text: 'printer', skip: 20 });
    // Paging must not pick up the filter boxes (the "text" input would overwrite data.text).
    expect(button(middle, 'Next ▶')).toMatchObject({ associatedInputs: 'none', fallback: { associatedInputs: 'none' } });
    expect(button(middle, 'Apply filters')).not.toHaveProperty('associatedInputs');
    const last = ticketListCard({ page: page(tickets(4, 20), 20, 10, false), filters: NO_FILTERS, now: NOW });
    expect(button(last, '◀ Previous').data).toEqual({ states: [], severities: [], skip: 10 });
    expect(hasButton(last, 'Next ▶')).toBe(false);
  });

  it('says when no ticket matches', () => {
    const card = ticketListCard({
      page: page([], 0, 10, false),
      filters: { states: ['resolved'], severities: [], text: undefined },
      now: NOW,
    });
    expectCleanCard(card);
    expect(textOf(card)).toContain('No tickets match these filters.');
    expect(textOf(ticketListCard({ page: page([], 0, 10, false), filters: NO_FILTERS, now: NOW }))).toContain('No support tickets yet.');
  });

  it('survives nasty data: odd enums, nulls, links, injections, long titles', () => {
    const nasty = [
      ticket({
        title: `${EVIL_LINK} ${INJECTION}`,
        type: 'Change Request',
        severity: 7,
        state: 'weird',
        nextActionOwner: null,
        createdDateTime: '0001-01-01T00:00:00Z',
      }),
      ticket({ id: '', title: null, type: 'Other ', severity: null, state: null, createdDateTime: null }),
      ticket({ id: 'MMD-1', title: LONG, type: null, nextActionOwner: EVIL_LINK }),
    ];
    const card = ticketListCard({
      page: page(nasty, 0, 10, false),
      filters: { states: ['[x](https://evil.example)'], severities: [], text: INJECTION },
      now: NOW,
    });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Change request');
    expect(text).toContain('Other');
    expect(text).toContain('7');
    expect(text).toContain('Weird');
    expect(text).toContain('(no title)');
    expect(text).toContain('created —');
    expect(verbs(card).filter(([v]) => v === 'ticket.open')).toEqual([
      ['ticket.open', expect.objectContaining({ id: 'MMD-1465058-R5V8P' })],
      ['ticket.open', expect.objectContaining({ id: 'MMD-1' })],
    ]);
    // The odd state is kept for the query but not offered as a choice.
    expect(findElements(card, 'Input.ChoiceSet')[0]!.value).toBe('');
  });

  it('stays under 28 KB with 25 tickets', () => {
    const card = ticketListCard({
      page: page(tickets(25), 0, 25, true),
      filters: { states: ['active'], severities: [1, 2], text: 'printer' },
      now: NOW,
    });
    expectCleanCard(card);
    console.log(
      `ticket list: 10 rows ${cardBytes(ticketListCard({ page: page(tickets(10)), filters: NO_FILTERS, now: NOW }))} B, 25 rows ${cardBytes(card)} B`,
    );
  });
});
