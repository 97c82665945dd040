import { EXAMPLE_DEVICE, EXAMPLE_ELEVATED_DEVICE, EXAMPLE_TICKET_ID, EXAMPLE_USER_UPN } from '../../src/emulator/seed';
import { type E2eSession, type SharedSession } from './mmd-session';

/** Typed into the note form: line breaks and text that markdown, templates or HTML would change. */
const NOTE_LINES = ['Line one', 'Line two [click](https://evil.example) **bold** ${x} <b>b</b>'];
const NOTE = NOTE_LINES.join('\n');

// Issue 14, "What admins see", in the Agents Playground as a new admin meets it: a note shown as
// typed, a typo answered with a one-click suggestion, Back from a device to its list, and one
// screenshot of each main card in test-artifacts/e2e/admins-*.png. One session (sandbox mode,
// where everyone is admin); every wait is for what the page shows, never a fixed sleep.
export function whatAdminsSeeTests(shared: SharedSession): void {
  describe('what admins see in the Agents Playground', () => {
    let session: E2eSession;

    beforeAll(async () => {
      session = await shared.use('admins', 'as left');
      await session.chat.screenshotCard('00-welcome', session.chat.cards().first());
    });

    test('a typo gets a "Did you mean" card whose one-click button runs the command in place', async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.send('devcies');
      const card = await chat.waitForNewCard(before);
      await chat.waitForCardText('Did you mean');
      expect(await card.innerText()).toMatch(/I did not understand devcies\. Did you mean one of these\?/);
      await chat.screenshotCard('01-did-you-mean');

      await chat.clickCardButton('devices');
      const list = await chat.waitForCardText('Showing 1–10');
      expect(await list.innerText()).toContain(EXAMPLE_DEVICE);
      expect(await chat.cardCount()).toBe(before + 1);
    });

    test('a device opened from the list has Back, which restores the list', async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.send('devices');
      const list = await chat.waitForNewCard(before);
      await chat.waitForCardText('Showing 1–10');
      const listText = await list.innerText();
      await chat.screenshotCard('02-device-list');

      await chat.clickCardButton('Open', { near: EXAMPLE_ELEVATED_DEVICE });
      const detail = await chat.waitForCardText(/Configurations \(\d+\)/);
      expect(await detail.innerText()).not.toContain('Showing 1–10');
      await chat.screenshotCard('03-device-detail');

      await chat.clickCardButton('← Back to devices');
      const back = await chat.waitForCardText('Showing 1–10');
      expect(await back.innerText()).toBe(listText);
      expect(await chat.cardCount()).toBe(before + 1);
    });

    test('user detail, ticket list', async () => {
      const { chat } = session;
      let before = await chat.cardCount();
      await chat.send(`user ${EXAMPLE_USER_UPN}`);
      await chat.waitForNewCard(before);
      await chat.waitForCardText(EXAMPLE_USER_UPN);
      await chat.screenshotCard('04-user-detail');

      before = await chat.cardCount();
      await chat.send('tickets');
      await chat.waitForNewCard(before);
      await chat.waitForCardText('Apply filters');
      await chat.screenshotCard('05-ticket-list');
    });

    test('a note with line breaks and hostile text, added through the form, is shown as typed', async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.send(`ticket ${EXAMPLE_TICKET_ID}`);
      const card = await chat.waitForNewCard(before);
      await chat.waitForCardText(/Notes \(\d+\)/);
      await chat.clickCardButton('Add note');
      await chat.waitForCardText(`Add a note to ticket ${EXAMPLE_TICKET_ID}`);
      await chat.fillCardField('Note', NOTE, card);
      await chat.clickCardButton('Add note', { card });
      // The ticket card replaces the form (the form has no "Notes (n)" heading).
      await chat.waitForCardText(/Notes \(\d+\)/);

      const text = await card.innerText();
      // Both lines as typed, on lines of their own: no backslash, nothing dropped or turned bold.
      const lines = text.split('\n').map((line) => line.trim());
      expect(lines).toContain(NOTE_LINES[0]);
      expect(lines).toContain(NOTE_LINES[1]);
      expect(text).not.toContain('\\');
      // Nothing clickable or formatted was made of it: no link, no bold or HTML element.
      expect(await card.locator('a').filter({ hasText: 'click' }).count()).toBe(0);
      expect(await card.locator('a[href*="evil.example"]').count()).toBe(0);
      expect(
        await card
          .locator('b, strong')
          .filter({ hasText: /^b$|^bold$/ })
          .count(),
      ).toBe(0);
      expect(await chat.cardCount()).toBe(before + 1);
      await chat.screenshotCard('06-ticket-detail-with-notes');
    });

    test('elevation list and elevation details', async () => {
      const { chat } = session;
      let before = await chat.cardCount();
      await chat.send('elevations');
      await chat.waitForNewCard(before);
      await chat.waitForCardText('Elevation requests');
      await chat.screenshotCard('07-elevation-list');

      before = await chat.cardCount();
      await chat.send(`elevation ${EXAMPLE_ELEVATED_DEVICE}`);
      await chat.waitForNewCard(before);
      await chat.waitForCardText(`Elevation details: ${EXAMPLE_ELEVATED_DEVICE}`);
      await chat.screenshotCard('08-elevation-details');
    });

    test('incident list and audit', async () => {
      const { chat } = session;
      let before = await chat.cardCount();
      await chat.send('incidents');
      await chat.waitForNewCard(before);
      await chat.waitForCardText(/Security incidents/i);
      await chat.screenshotCard('09-incident-list');

      before = await chat.cardCount();
      await chat.send('audit');
      const audit = await chat.waitForNewCard(before);
      // The note added above is in the log.
      await chat.waitForCardText(EXAMPLE_TICKET_ID);
      expect(await audit.innerText()).toMatch(/note/i);
      await chat.screenshotCard('10-audit');

      before = await chat.cardCount();
      await chat.send('help');
      await chat.waitForNewCard(before);
      await chat.waitForCardText('What MMD Assist can do');
      await chat.screenshotCard('11-help');
    });
  });
}
