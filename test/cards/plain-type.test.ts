/**
 * Issue 24: untrusted text reaches card data only as `Plain` (plain() and its kin, or words()
 * for our own), and tsc checks it: `npm run typecheck` fails if renderCard takes a raw string
 * (the @ts-expect-error below would then be unused). The runtime side: whatever the text, it is
 * shown as typed in a TextRun.
 */
import { plain, words } from '../../src/cards/escape';
import { renderCard } from '../../src/cards/render';

const fromApi: string = '[click me](https://evil.example) **now**';

it('refuses a raw string in card data at compile time, and shows plain() text as typed', () => {
  // @ts-expect-error text from the API must go through plain() before it reaches a card
  const raw = () => renderCard('message', { inlines: [{ type: 'TextRun', text: fromApi }], actions: [] });
  expect(typeof raw).toBe('function');
  const card = renderCard('message', {
    inlines: [
      { type: 'TextRun', text: words('The service said: ') },
      { type: 'TextRun', text: plain(fromApi) },
    ],
    actions: [],
  });
  expect(JSON.stringify(card)).toContain(JSON.stringify(fromApi).slice(1, -1));
  expect(JSON.stringify(card)).not.toMatch(/"type":"TextBlock"/);
});
