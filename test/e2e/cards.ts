import type { Locator } from 'playwright-core';
import { EXAMPLE_DEVICE, EXAMPLE_ELEVATED_DEVICE, EXAMPLE_USER_UPN } from '../../src/emulator/seed';
import { type E2eSession, type SharedSession } from './mmd-session';

/** The first two lines of a list row (a clickable container): its title and its detail line. */
async function rowLines(row: Locator): Promise<string[]> {
  return (await row.innerText())
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

// Every list and detail card in the Playground, reached the way a user does: a command, then the
// card's own buttons. One session; the tests run in order and each starts from the last card.
// Screenshots land in test-artifacts/e2e/cards-*.png.
export function cardTests(shared: SharedSession): void {
  describe('list and detail cards in the Agents Playground', () => {
    let session: E2eSession;

    beforeAll(async () => {
      session = await shared.use('cards', 'clear');
    });

    describe('devices', () => {
      test('"devices" lists the first page of devices', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.send('devices');
        const card = await chat.waitForNewCard(before);
        await chat.waitForCardText('Showing 1–10');
        const text = await card.innerText();
        expect(text).toContain('Devices');
        expect(text).toContain(EXAMPLE_DEVICE);
        expect(text).toContain(EXAMPLE_ELEVATED_DEVICE);
        expect(await card.getByRole('button', { name: 'Open', exact: true }).count()).toBeGreaterThanOrEqual(9);
        await chat.screenshotCard('01-device-list');
      });

      test('Next replaces the list with the second page in place, Previous goes back', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.clickCardButton('Next ▶');
        const card = await chat.waitForCardText('Showing 11–20');
        const text = await card.innerText();
        expect(text).toContain('MMD-00011');
        expect(text).not.toContain(EXAMPLE_DEVICE);
        expect(await chat.cardCount()).toBe(before);
        await chat.screenshotCard('02-device-list-page-2');

        await chat.clickCardButton('◀ Previous');
        await chat.waitForCardText('Showing 1–10');
        expect(await chat.cardCount()).toBe(before);
      });

      test('a row opens the device: properties, groups and configurations', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.clickCardButton('Open', { near: EXAMPLE_ELEVATED_DEVICE });
        const card = await chat.waitForCardText(/Configurations \(\d+\)/);
        const text = await card.innerText();
        expect(text).toContain(EXAMPLE_ELEVATED_DEVICE);
        expect(text).not.toContain('Showing 1–10');
        expect(text).toMatch(/Groups \(\d+\)/);
        expect(text).toContain('Serial number');
        expect(text).toContain('Update ring');
        // The seed gives every device groups and configurations: names under both headings.
        const groups = Number(/Groups \((\d+)\)/.exec(text)?.[1]);
        const configurations = Number(/Configurations \((\d+)\)/.exec(text)?.[1]);
        expect(groups).toBeGreaterThan(0);
        expect(configurations).toBeGreaterThan(0);
        expect(text).not.toContain('Not in any group.');
        expect(text).not.toContain('No configurations reported.');
        for (const title of ['Assigned user', 'Elevation requests', 'Request elevation', 'New ticket', 'Refresh']) {
          await expect(card.getByRole('button', { name: title, exact: true }).count()).resolves.toBe(1);
        }
        expect(await chat.cardCount()).toBe(before);
        await chat.screenshotCard('03-device-detail');
      });

      test('the device\'s "Elevation requests" button shows that device\'s requests', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.clickCardButton('Elevation requests');
        const card = await chat.waitForCardText(`Elevation requests for ${EXAMPLE_ELEVATED_DEVICE}`);
        const text = await card.innerText();
        // MMD-00002 has exactly one open request in every seed; each row names the device.
        const rowDetails = text.split('\n').filter((line) => line.includes('requested by'));
        expect(rowDetails.length).toBeGreaterThanOrEqual(1);
        for (const line of rowDetails) expect(line).toContain(EXAMPLE_ELEVATED_DEVICE);
        expect(text).toContain('Open');
        // A device's own list has no "Device" button per row (it would open the same device).
        expect(await card.getByRole('button', { name: 'Device', exact: true }).count()).toBe(0);
        expect(await card.getByRole('button', { name: 'Close…', exact: true }).count()).toBeGreaterThanOrEqual(1);
        expect(await chat.cardCount()).toBe(before);
        await chat.screenshotCard('04-device-elevations');
      });
    });

    describe('users', () => {
      test('"users" lists users, and a row opens the user with their devices and groups', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.send('users');
        const list = await chat.waitForNewCard(before);
        await chat.waitForCardText('Showing 1–10');
        const listText = await list.innerText();
        expect(listText).toContain('Users');
        expect(listText).toContain(EXAMPLE_USER_UPN);
        await chat.screenshotCard('05-user-list');

        await chat.clickCardButton('Open', { near: EXAMPLE_USER_UPN });
        const card = await chat.waitForCardText(/Devices \(\d+\)/);
        const text = await card.innerText();
        expect(text).toContain(EXAMPLE_USER_UPN);
        expect(text).toContain(EXAMPLE_DEVICE);
        expect(text).toMatch(/Groups \(\d+\)/);
        expect(text).not.toContain('Showing 1–10');
        expect(await chat.cardCount()).toBe(before + 1);
        await chat.screenshotCard('06-user-detail');
      });

      test('a device on the user card opens that device', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.clickCardButton('Open', { near: EXAMPLE_DEVICE });
        const card = await chat.waitForCardText(/Configurations \(\d+\)/);
        const text = await card.innerText();
        expect(text).toContain(EXAMPLE_DEVICE);
        expect(text).toContain(EXAMPLE_USER_UPN); // the assigned user fact
        expect(text).not.toMatch(/Devices \(\d+\)/);
        expect(await chat.cardCount()).toBe(before);
        await chat.screenshotCard('07-user-device');
      });
    });

    describe('tickets', () => {
      let ticketId = '';

      test('"tickets", then a state filter applied, lists only tickets in that state', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.send('tickets');
        const list = await chat.waitForNewCard(before);
        await chat.waitForCardText('Any state');
        const unfiltered = await list.innerText();
        expect(unfiltered).toMatch(/Active/);

        await chat.chooseCardOption('State', 'Resolved');
        await chat.screenshotCard('08-ticket-filter-chosen');
        await chat.clickCardButton('Apply filters');
        const card = await chat.waitForCardText('Resolved · any severity');
        expect(await chat.cardCount()).toBe(before + 1);
        // The choice is kept on the new card, and every row is resolved.
        expect(await (await chat.cardInput('State', card)).inputValue()).toBe('Resolved');
        const rows = card.getByRole('button', { name: 'Open', exact: true });
        const count = await rows.count();
        expect(count).toBeGreaterThan(0);
        for (let i = 0; i < count; i += 1) {
          const lines = await rowLines(rows.nth(i));
          expect(lines).toContain('Resolved');
          expect(lines).not.toContain('Active');
        }
        await chat.screenshotCard('09-ticket-list-resolved');

        const [title, detail] = await rowLines(rows.first());
        ticketId = /^MMD-[\w'-]+/.exec(detail ?? '')?.[0] ?? '';
        expect(ticketId).toMatch(/^MMD-/);
        await chat.clickCardButton('Open', { near: title! });
        const ticket = await chat.waitForCardText('Category');
        const text = await ticket.innerText();
        expect(text).toContain(title);
        expect(text).toContain(ticketId);
        expect(text).toContain('Resolved');
        expect(text).toMatch(/Notes \(\d+\)/);
        expect(text).not.toContain('Apply filters');
        expect(await chat.cardCount()).toBe(before + 1);
        await chat.screenshotCard('10-ticket-detail');
      });

      test('"notes <id>" shows the ticket\'s notes', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.send(`notes ${ticketId}`);
        const card = await chat.waitForNewCard(before);
        await chat.waitForCardText(`Notes on ${ticketId}`);
        const text = await card.innerText();
        const shown = Number(new RegExp(`Notes on ${ticketId} \\((\\d+)\\)`).exec(text)?.[1]);
        if (shown === 0) expect(text).toContain('This ticket has no notes yet.');
        else expect(text).not.toContain('This ticket has no notes yet.');
        await expect(card.getByRole('button', { name: 'Open ticket', exact: true }).count()).resolves.toBe(1);
        await chat.screenshotCard('11-notes');

        await chat.clickCardButton('Open ticket');
        await chat.waitForCardText(/Notes \(\d+\)/);
        expect(await chat.cardCount()).toBe(before + 1);
      });
    });

    describe('elevation requests', () => {
      test('"elevations" lists requests; a row\'s Device and Ticket buttons open them', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.send('elevations');
        const card = await chat.waitForNewCard(before);
        await chat.waitForCardText('Showing 1–10');
        const text = await card.innerText();
        expect(text).toContain('Elevation requests');
        expect(text).toContain('requested by');
        await chat.screenshotCard('12-elevation-list');

        // The first row: title, then "<device> · requested by ...".
        const detail = text.split('\n').find((line) => line.includes('requested by')) ?? '';
        const deviceName = detail.split(' · ')[0]!.trim();
        expect(deviceName).toMatch(/^MMD-\d{5}$/);
        await chat.clickCardButton('Device', { near: detail });
        const device = await chat.waitForCardText(/Configurations \(\d+\)/);
        expect(await device.innerText()).toContain(deviceName);
        expect(await chat.cardCount()).toBe(before + 1);

        // The Ticket button, on a fresh list (the Device button replaced the last one).
        await chat.send('elevations');
        await chat.waitForNewCard(before + 1);
        await chat.waitForCardText('Showing 1–10');
        await chat.clickCardButton('Ticket', { near: detail });
        const ticket = await chat.waitForCardText('Category');
        const ticketText = await ticket.innerText();
        expect(ticketText).toMatch(/Notes \(\d+\)/);
        expect(ticketText).not.toContain('requested by');
        expect(await chat.cardCount()).toBe(before + 2);
        await chat.screenshotCard('13-elevation-ticket');
      });

      test('"elevation <device>" shows an admin the hidden details card; Reveal and Hide now replace it', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.send(`elevation ${EXAMPLE_ELEVATED_DEVICE}`);
        const card = await chat.waitForNewCard(before);
        await chat.waitForCardText(`Elevation details: ${EXAMPLE_ELEVATED_DEVICE}`);
        const hidden = await card.innerText();
        expect(hidden).toContain('The local administrator password is hidden.');
        expect(hidden).toContain('Request ID');
        expect(hidden).not.toContain('Account');
        await chat.screenshotCard('14-elevation-details-hidden');

        // No screenshot of the revealed card: it shows the (sandbox) password.
        await chat.clickCardButton('Reveal password');
        const revealed = await chat.waitForCardText('Shown to you only');
        expect(await revealed.innerText()).toContain('Account');
        expect(await chat.cardCount()).toBe(before + 1);

        await chat.clickCardButton('Hide now');
        const redacted = await chat.waitForCardText('The password was hidden again.');
        expect(await redacted.innerText()).not.toContain('Account');
        expect(await chat.cardCount()).toBe(before + 1);
        await chat.screenshotCard('15-elevation-details-hidden-again');
      });

      test('Close… on a request opens the close form; closing it brings the list back with the request closed', async () => {
        const { chat } = session;
        const before = await chat.cardCount();
        await chat.send(`elevations ${EXAMPLE_ELEVATED_DEVICE}`);
        await chat.waitForNewCard(before);
        await chat.waitForCardText(`Elevation requests for ${EXAMPLE_ELEVATED_DEVICE}`);
        await chat.clickCardButton('Close…');
        const form = await chat.waitForCardText('Actions taken');
        expect(await form.innerText()).toContain(EXAMPLE_ELEVATED_DEVICE);
        await chat.fillCardField('Actions taken', 'Installed the driver.\nRemoved the rights again.');
        await chat.screenshotCard('16-elevation-close-form');

        await chat.clickCardButton('Close request');
        // The list the form came from, read again, in the same slot (issue 14: the list is kept).
        const card = await chat.waitForCardText(`Elevation requests for ${EXAMPLE_ELEVATED_DEVICE}`);
        await card
          .getByText(/^Closed /)
          .first()
          .waitFor();
        const text = await card.innerText();
        expect(text).not.toContain('Actions taken');
        expect(text).not.toContain('Close request');
        expect(await chat.cardCount()).toBe(before + 1);
        await chat.screenshotCard('17-elevation-list-after-close');
      });
    });
  });
}
