import { elevationListCard } from '../../src/cards/elevation-list-card';
import { PAGE_SIZE } from '../../src/bot/handlers/paging';
import { cardBytes } from '../helpers/card-validation';
import { button, expectCleanCard, hasButton, textOf, verbs, findTexts } from './card-checks';
import { EVIL_LINK, INJECTION, LONG, NOW, elevation, elevations, page } from './sample-data';

describe('elevationListCard', () => {
  it('lists requests with state, device, ticket and Close only while open', () => {
    const card = elevationListCard({ page: page(elevations(10)), now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Elevation requests');
    expect(text).toContain('Showing 1–10');
    expect(text).toContain('Install line-of-business app 0');
    expect(text).toContain('MMD-000000000 · requested by agent@contoso.com · created 1 day ago');
    const states = findTexts(card).filter((t) => /^(Open|Closed)/.test(String(t.text)));
    expect(states.slice(0, 2).map((t) => [t.text, t.color])).toEqual([
      ['Open', 'Accent'],
      ['Closed 4 hours ago', 'Good'],
    ]);
    // The All / Open / Closed filter first, All marked as shown.
    expect(verbs(card).slice(0, 3)).toEqual([
      ['elevations.page', { skip: 0 }],
      ['elevations.page', { state: 'open', skip: 0 }],
      ['elevations.page', { state: 'closed', skip: 0 }],
    ]);
    expect(hasButton(card, '✓ All')).toBe(true);
    const back = { verb: 'elevations.page', data: { skip: 0 } };
    const rowVerbs = verbs(card).slice(3, 9);
    expect(rowVerbs).toEqual([
      ['elevation.open', { id: '0f8fad5b-d9cb-469f-a165-000000000000', deviceName: 'MMD-000000000', back }],
      ['device.open', { name: 'MMD-000000000' }],
      ['ticket.open', { id: 'MMD-1465058-R5V8P' }],
      // The list travels with Close…, so Cancel and the result bring it back.
      ['elevation.closeForm', { id: '0f8fad5b-d9cb-469f-a165-000000000000', deviceName: 'MMD-000000000', from: back }],
      ['elevation.open', { id: '0f8fad5b-d9cb-469f-a165-000000000001', deviceName: 'MMD-000000001', back }],
      ['device.open', { name: 'MMD-000000001' }],
    ]);
    expect(verbs(card).filter(([v]) => v === 'elevation.closeForm')).toHaveLength(5);
    expect(button(card, 'Next ▶').data).toEqual({ skip: 10 });
    expect(button(card, 'Request elevation').data).toEqual({ from: { verb: 'elevations.page', data: { skip: 0 } } });
  });

  it('shows each row’s category / subcategory, and keeps the state filter on paging and Back', () => {
    const card = elevationListCard({
      page: page(
        [elevation({ category: 'Apps', subcategory: ' Line of business app ' }), elevation({ category: null, subcategory: null })],
        10,
        10,
        true,
      ),
      state: 'open',
      now: NOW,
    });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Open elevation requests');
    expect(text).toContain('Apps / Line of business app');
    expect(text).toContain('No category');
    expect(hasButton(card, '✓ Open')).toBe(true);
    expect(button(card, 'Next ▶').data).toEqual({ state: 'open', skip: 12 });
    expect(button(card, 'Details').data).toMatchObject({ back: { verb: 'elevations.page', data: { state: 'open', skip: 10 } } });
    const closed = elevationListCard({ page: page([], 0, 10, false), state: 'closed', now: NOW });
    expect(textOf(closed)).toContain('No closed elevation requests yet.');
  });

  it('lists one device’s requests and keeps the device on paging and the request button', () => {
    const middle = elevationListCard({ page: page(elevations(10, 10), 10, 10, true), deviceName: 'MMD-1', now: NOW });
    expectCleanCard(middle);
    expect(textOf(middle)).toContain('Elevation requests for MMD-1');
    expect(hasButton(middle, 'Device')).toBe(false); // every row is that device
    expect(button(middle, '◀ Previous').data).toEqual({ deviceName: 'MMD-1', skip: 0 });
    expect(button(middle, 'Next ▶').data).toEqual({ deviceName: 'MMD-1', skip: 20 });
    expect(button(middle, 'Request elevation').data).toEqual({
      deviceName: 'MMD-1',
      from: { verb: 'elevations.page', data: { deviceName: 'MMD-1', skip: 10 } },
    });
    const last = elevationListCard({ page: page(elevations(1, 20), 20, 10, false), deviceName: 'MMD-1', now: NOW });
    expect(button(last, '◀ Previous').data).toEqual({ deviceName: 'MMD-1', skip: 10 });
    expect(hasButton(last, 'Next ▶')).toBe(false);
  });

  it('says when there are none', () => {
    const card = elevationListCard({ page: page([], 0, 10, false), deviceName: 'MMD-1', now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('No elevation requests for MMD-1.');
  });

  it('survives nasty data', () => {
    const nasty = [
      elevation({
        title: `${EVIL_LINK} ${INJECTION}`,
        deviceName: null,
        partnerTicketId: null,
        requestingAgentUpn: null,
        requestCreationTime: '0001-01-01T00:00:00Z',
        requestClosureTime: '0001-01-01T00:00:00Z',
      }),
      elevation({ id: '', title: null, deviceName: LONG, partnerTicketId: '', requestClosureTime: 'garbage' }),
    ];
    const card = elevationListCard({ page: page(nasty, 0, 10, false), now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('no device · requested by — · created —');
    expect(text).toContain('(no title)');
    // The first is open (0001 closure = never closed) and can be closed; the second has no id.
    expect(verbs(card).slice(3)).toEqual([
      ['elevation.open', { id: '0f8fad5b-d9cb-469f-a165-70867728950e', back: { verb: 'elevations.page', data: { skip: 0 } } }],
      ['elevation.closeForm', { id: '0f8fad5b-d9cb-469f-a165-70867728950e', from: { verb: 'elevations.page', data: { skip: 0 } } }],
      ['elevation.requestForm', { from: { verb: 'elevations.page', data: { skip: 0 } } }],
    ]);
  });

  it("stays under 28 KB with a full page of long rows (10, the bot's page size; each row has Open with Back)", () => {
    const rows = elevations(PAGE_SIZE).map((e) => ({ ...e, title: LONG, category: LONG, subcategory: LONG, requestingAgentUpn: LONG }));
    const card = elevationListCard({ page: page(rows, 90, PAGE_SIZE, true), state: 'closed', deviceName: undefined, now: NOW });
    expectCleanCard(card);
    console.log(
      `elevation list: ${PAGE_SIZE} long rows ${cardBytes(card)} B, plain ${cardBytes(elevationListCard({ page: page(elevations(10)), now: NOW }))} B`,
    );
  });

  it('stays under 28 KB at the limits the data can reach (64-character device names in every row and in the filter, every text long)', () => {
    const device = 'D'.repeat(64);
    const rows = elevations(PAGE_SIZE).map((e) => ({
      ...e,
      deviceName: device,
      title: LONG,
      category: LONG,
      subcategory: LONG,
      requestingAgentUpn: LONG,
    }));
    expectCleanCard(elevationListCard({ page: page(rows, 90, PAGE_SIZE, true), state: 'closed', deviceName: device, now: NOW }));
  });
});
