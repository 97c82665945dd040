import { userListCard } from '../../src/cards/user-list-card';
import { cardBytes } from '../helpers/card-validation';
import { button, expectCleanCard, hasButton, textOf, verbs } from './card-checks';
import { EVIL_LINK, INJECTION, LONG, NOW, page, user, users } from './sample-data';

describe('userListCard', () => {
  it('lists users with device counts; rows open the user', () => {
    const card = userListCard({ page: page(users(10)), now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Users');
    expect(text).toContain('Showing 1–10');
    expect(text).toContain('Adele Vance 0');
    expect(text).toContain('adele0@contoso.com');
    expect(text).toContain('2 devices');
    expect(text).toContain('synced 1 day ago');
    expect(verbs(card)[0]).toEqual(['user.open', expect.objectContaining({ upn: 'adele0@contoso.com' })]);
    expect(button(card, 'Next ▶').data).toEqual({ skip: 10 });
    expect(hasButton(card, '◀ Previous')).toBe(false);
  });

  it('pages with the search kept, first/middle/last', () => {
    const middle = userListCard({ page: page(users(10, 10), 10, 10, true), search: 'vance', now: NOW });
    expectCleanCard(middle);
    expect(textOf(middle)).toContain('Users matching “vance”');
    expect(button(middle, '◀ Previous').data).toEqual({ search: 'vance', skip: 0 });
    expect(button(middle, 'Next ▶').data).toEqual({ search: 'vance', skip: 20 });
    const last = userListCard({ page: page(users(2, 20), 20, 10, false), search: 'vance', now: NOW });
    expect(button(last, '◀ Previous').data).toEqual({ search: 'vance', skip: 10 });
    expect(hasButton(last, 'Next ▶')).toBe(false);
  });

  it('says when nothing matches', () => {
    const card = userListCard({ page: page([], 0, 10, false), search: 'nobody', now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('No users match “nobody”');
  });

  it('survives nasty data', () => {
    const nasty = [
      user({ name: null, upn: `${INJECTION}@contoso.com`, email: null, groups: [] }),
      user({ name: `${EVIL_LINK} <b>bold</b>`, upn: '', email: LONG }),
      user({ name: 'No Device', upn: 'nodevice@contoso.com', devices: [] }),
    ];
    const card = userListCard({ page: page(nasty, 0, 10, false), search: INJECTION, now: NOW });
    expectCleanCard(card);
    // The user with no device is left out of "users with managed devices", and counted.
    expect(textOf(card)).not.toContain('0 devices');
    expect(textOf(card)).not.toContain('No Device');
    expect(textOf(card)).toContain('1 without managed devices left out');
    expect(verbs(card)).toEqual([['user.open', expect.objectContaining({ upn: '${injection}@contoso.com' })]]);
  });

  it('stays under 28 KB with 25 users', () => {
    const card = userListCard({ page: page(users(25), 0, 25, true), now: NOW });
    expectCleanCard(card);
    console.log(`user list: 10 rows ${cardBytes(userListCard({ page: page(users(10)), now: NOW }))} B, 25 rows ${cardBytes(card)} B`);
  });
});
