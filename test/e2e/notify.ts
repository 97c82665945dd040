import { EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { E2E_TEST_TIMEOUT_MS, type E2eSession, type SharedSession } from './mmd-session';

// Proactive notifications in the Agents Playground: subscribe in the personal chat, a ticket
// changes on Microsoft's side (the emulator's admin route), the card arrives in the chat.
export function notifyTests(shared: SharedSession): void {
  describe('ticket notifications in the Agents Playground', () => {
    let session: E2eSession;

    beforeAll(async () => {
      session = await shared.use('notify', 'clear');
      // The baseline snapshot: what changes after it is news.
      await session.app.notify.notifier.runOnce();
    });

    test(
      'subscribe, the ticket changes, the notification card arrives in the chat',
      async () => {
        const { chat, app } = session;
        await chat.send(`subscribe ${EXAMPLE_TICKET_ID}`);
        await chat.waitForBotText(/now gets an update/);

        const before = await chat.cardCount();
        const res = await fetch(`${app.emulator!.url}/_emulator/tickets/${EXAMPLE_TICKET_ID}/changes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ nextActionOwner: 'Contoso service desk', severity: 1 }),
        });
        expect(res.status).toBe(200);
        await app.notify.notifier.runOnce();

        const card = await chat.waitForNewCard(before);
        await chat.waitForCardText('Contoso service desk');
        const text = await card.innerText();
        expect(text).toContain(`Ticket updated: ${EXAMPLE_TICKET_ID}`);
        expect(text).toContain('Contoso service desk');
        expect(await card.getByRole('button', { name: 'Unsubscribe', exact: true }).count()).toBe(1);
        await chat.screenshotCard('01-ticket-notification');
      },
      E2E_TEST_TIMEOUT_MS * 2,
    );
  });
}
