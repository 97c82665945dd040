import { userDetailCard } from '../../src/cards/user-detail-card';
import { cardBytes } from '../helpers/card-validation';
import { expectCleanCard, textOf, verbs } from './card-checks';
import { EVIL_LINK, INJECTION, LONG, NOW, user } from './sample-data';

describe('userDetailCard', () => {
  it('shows the user, devices that open, and groups', () => {
    const card = userDetailCard({ user: user(), now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('firstName lastName');
    expect(text).toContain('username@contoso.onmicrosoft.com');
    expect(text).toContain('Devices (2)');
    expect(text).toContain('Virtual Machine · Test ring · serial Serial number value');
    expect(text).toContain('synced 1 day ago');
    expect(text).toContain('last sync —'); // the 0001-01-01 device
    expect(text).toContain('Groups (1)');
    expect(text).toContain('Modern Workplace Users');
    expect(verbs(card)).toEqual([
      ['device.open', { name: 'MMD-123456789' }],
      ['device.open', { name: 'MMD-987654321' }],
      ['user.open', { upn: 'username@contoso.onmicrosoft.com' }],
    ]);
  });

  it('caps a long device list', () => {
    const many = user({
      devices: Array.from({ length: 40 }, (_, i) => ({
        serialNumber: null,
        name: `MMD-${i}`,
        model: null,
        ring: null,
        lastIntuneSyncTime: null,
      })),
    });
    const card = userDetailCard({ user: many, now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('…and 25 more devices not shown.');
  });

  it('survives nasty data', () => {
    const nasty = user({
      name: EVIL_LINK,
      email: null,
      upn: INJECTION,
      devices: [{ serialNumber: LONG, name: '', model: '<script>x</script>', ring: 'Other ', lastIntuneSyncTime: 'garbage' }],
      groups: [{ id: null, displayName: null, description: '', countMembers: null }],
    });
    const card = userDetailCard({ user: nasty, now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('(no name)');
    expect(textOf(card)).toContain('Other ring');
    expect(verbs(card)).toEqual([['user.open', { upn: INJECTION }]]);
    const empty = userDetailCard({ user: user({ devices: [], groups: [] }), now: NOW });
    expectCleanCard(empty);
    expect(textOf(empty)).toContain('No managed devices assigned.');
    console.log(`user detail: example ${cardBytes(userDetailCard({ user: user(), now: NOW }))} B`);
  });
});
