import { notFoundCard } from '../../src/cards/not-found-card';
import { findElements } from '../helpers/card-validation';
import { expectCleanCard, textOf, verbs } from './card-checks';
import { EVIL_LINK, INJECTION, LONG } from './sample-data';

describe('notFoundCard', () => {
  it('says the device was not found, suggests a close match and offers a search', () => {
    const card = notFoundCard({ what: 'device', key: 'MMD-0001', suggestion: 'MMD-00001' });
    expectCleanCard(card);
    expect(textOf(card)).toContain('No device named “MMD-0001” was found.');
    expect(textOf(card)).toContain('Did you mean “MMD-00001”?');
    expect(verbs(card)).toEqual([
      ['device.open', { name: 'MMD-00001' }],
      ['devices.page', { search: 'MMD-0001', skip: 0 }],
    ]);
    expect(findElements(card, 'Container')).toEqual([]); // not styled as an error
  });

  it('covers tickets, users and elevations', () => {
    const ticket = notFoundCard({ what: 'ticket', key: 'MMD-1' });
    expectCleanCard(ticket);
    expect(textOf(ticket)).toContain('No ticket with ID “MMD-1” was found.');
    expect(verbs(ticket)).toEqual([['tickets.page', { states: [], severities: [], skip: 0 }]]);
    const user = notFoundCard({ what: 'user', key: 'adele@contoso.com', suggestion: 'adelev@contoso.com' });
    expectCleanCard(user);
    expect(verbs(user)).toEqual([
      ['user.open', { upn: 'adelev@contoso.com' }],
      ['users.page', { search: 'adele@contoso.com', skip: 0 }],
    ]);
    const elevation = notFoundCard({ what: 'elevation', key: 'MMD-9' });
    expectCleanCard(elevation);
    expect(textOf(elevation)).toContain('No elevation request was found for “MMD-9”.');
    expect(verbs(elevation)).toEqual([['elevations.page', { skip: 0 }]]);
  });

  it('escapes nasty keys and drops buttons it cannot fill', () => {
    const card = notFoundCard({ what: 'device', key: `${EVIL_LINK} ${INJECTION} ${LONG}`, suggestion: LONG });
    expectCleanCard(card);
    // The suggestion is too long for device.open; the search is cut to what devices.page takes.
    expect(verbs(card).map(([v]) => v)).toEqual(['devices.page']);
    expectCleanCard(notFoundCard({ what: 'user', key: '' }));
  });
});
