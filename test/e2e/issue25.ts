import { EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { type E2eSession, type SharedSession } from './mmd-session';

// Issue 25, "What admins still meet", in the Agents Playground: a ticket found by the start of its
// id, the device card's buttons under headings that match them, enrollment failures naming the
// MMD device. Screenshots in test-artifacts/e2e/issue25-*.png.
export function issue25Tests(shared: SharedSession): void {
  describe('issue 25 in the Agents Playground', () => {
    let session: E2eSession;

    beforeAll(async () => {
      session = await shared.use('issue25', 'clear');
    });

    test('the start of a ticket id opens the ticket', async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.send('MMD-1465058');
      const card = await chat.waitForNewCard(before);
      await chat.waitForCardText(EXAMPLE_TICKET_ID);
      expect(await card.innerText()).toContain(EXAMPLE_TICKET_ID);
      await chat.screenshotCard('01-ticket-by-id-start');
    });

    test("the device card's buttons sit under headings that name them", async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.send('device MMD-00001');
      const card = await chat.waitForNewCard(before);
      await chat.waitForCardText(/Configurations \(\d+\)/);
      const text = await card.innerText();
      const heading = text.indexOf('Device, user, elevation and tickets');
      const troubleshooting = text.indexOf('Enrollment troubleshooting');
      expect(heading).toBeGreaterThan(0);
      expect(troubleshooting).toBeGreaterThan(heading);
      const between = text.slice(heading, troubleshooting);
      for (const title of ['Assigned user', 'Elevation requests', 'Request elevation', 'New ticket', 'Refresh'])
        expect(between).toContain(title);
      expect(text.slice(troubleshooting)).not.toContain('New ticket');
      await chat.screenshotCard('02-device-headings');
    });

    test('enrollment failures name the MMD device and open its card', async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.send('enrollment failures');
      const list = await chat.waitForNewCard(before);
      await chat.waitForCardText('Enrollment failures');
      const text = await list.innerText();
      const name = /device (MMD-\d{5})/.exec(text)?.[1];
      expect(name).toBeDefined();
      expect(text).not.toMatch(/Intune [0-9a-f]{8}-/);
      await chat.screenshotCard('03-enrollment-failures');
      await chat.clickCardButton(`Open ${name!}`, { card: list });
      const device = await chat.waitForCardText(/Configurations \(\d+\)/);
      expect(await device.innerText()).toContain('← Back to enrollment failures');
      await chat.screenshotCard('04-device-from-failure');
    });
  });
}
