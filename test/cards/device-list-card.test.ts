import { deviceListCard } from '../../src/cards/device-list-card';
import { cardBytes } from '../helpers/card-validation';
import { button, expectCleanCard, hasButton, textOf, verbs, findTexts } from './card-checks';
import { NOW, devices, nastyDevice, page } from './sample-data';

describe('deviceListCard', () => {
  it('shows a first page with rows that open devices and a Next button', () => {
    const card = deviceListCard({ page: page(devices(10)), now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Devices');
    expect(text).toContain('Showing 1–10');
    expect(text).toContain('MMD-000000000');
    expect(text).toContain('Surface Laptop 4 · Adele Vance 0 · Test ring');
    expect(text).toContain('synced 3 days ago');
    expect(verbs(card).filter(([v]) => v === 'device.open')).toHaveLength(10);
    expect(verbs(card)[0]).toEqual(['device.open', expect.objectContaining({ name: 'MMD-000000000' })]);
    expect(hasButton(card, '◀ Previous')).toBe(false);
    expect(button(card, 'Next ▶').data).toEqual({ skip: 10 });
  });

  it('keeps the search on a middle page and says what was searched', () => {
    const card = deviceListCard({ page: page(devices(10, 10), 10, 10, true), search: ' adele ', now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('Devices matching “adele”');
    expect(textOf(card)).toContain('Showing 11–20');
    expect(button(card, '◀ Previous').data).toEqual({ search: 'adele', skip: 0 });
    expect(button(card, 'Next ▶').data).toEqual({ search: 'adele', skip: 20 });
  });

  it('offers only Previous on the last page', () => {
    const card = deviceListCard({ page: page(devices(3, 20), 20, 10, false), now: NOW });
    expectCleanCard(card);
    expect(button(card, '◀ Previous').data).toEqual({ skip: 10 });
    expect(hasButton(card, 'Next ▶')).toBe(false);
  });

  it('says plainly when nothing matches', () => {
    const card = deviceListCard({ page: page([], 0, 10, false), search: '[x](https://evil.example)', now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('No devices match “[x](https://evil.example)”');
    expect(textOf(card)).not.toContain('Showing');
    expect(verbs(card)).toEqual([]);
  });

  it('shows compliance states in distinct colours', () => {
    const card = deviceListCard({ page: page(devices(4)), now: NOW });
    const colors = Object.fromEntries(
      findTexts(card)
        .filter((t) => typeof t.text === 'string' && /Compliant|Non-compliant|Unknown|grace/.test(t.text))
        .map((t) => [t.text, `${typeof t.color === 'string' ? t.color : 'Default'}${t.isSubtle ? '/subtle' : ''}`]),
    );
    expect(colors).toEqual({
      '✅ Compliant': 'Good',
      '❌ Non-compliant': 'Attention',
      Unknown: 'Default/subtle',
      '⚠️ In grace period': 'Default',
    });
  });

  it('survives nasty data: nulls, an empty name, links, HTML, injections, long text', () => {
    const rows = [nastyDevice(), nastyDevice({ name: '' }), nastyDevice({ name: '   ' })];
    const card = deviceListCard({ page: page(rows, 0, 10, false), search: '${injection}', now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('(no name)');
    expect(text).toContain('last sync —');
    expect(text).toContain('Quantum');
    // Only the named device can be opened; its name goes back raw, as data.
    expect(verbs(card)).toEqual([['device.open', expect.objectContaining({ name: '${injection} [click](https://evil.example)' })]]);
  });

  it('stays under 28 KB with 25 devices', () => {
    const card = deviceListCard({ page: page(devices(25), 0, 25, true), search: 'adele', now: NOW });
    expectCleanCard(card);
    console.log(`device list: 10 rows ${cardBytes(deviceListCard({ page: page(devices(10)), now: NOW }))} B, 25 rows ${cardBytes(card)} B`);
  });
});
