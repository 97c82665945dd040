import { type E2eSession, type SharedSession, WELCOME_TEXT } from './mmd-session';

// A Teams user's first minutes with the bot, in the Agents Playground: help, a help button,
// the ticket list and one ticket. Screenshots land in test-artifacts/e2e/help-*.png.
export function helpTests(shared: SharedSession): void {
  describe('help, devices and tickets in the Agents Playground', () => {
    let session: E2eSession;

    beforeAll(async () => {
      session = await shared.use('help', 'as left');
    });

    test('the bot welcomes the user when the Playground installs it', async () => {
      const welcome = await session.chat.waitForBotText(WELCOME_TEXT);
      expect(await welcome.innerText()).toMatch(/Sandbox mode/);
      await session.chat.screenshot('0-welcome');
    });

    test('"help" answers with the help card', async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.send('help');
      const card = await chat.waitForNewCard(before);
      await chat.waitForCardText('What MMD Assist can do');
      const text = await card.innerText();
      expect(text).toContain('devices [search]');
      expect(text).toContain('tickets');
      expect(text).toMatch(/Sandbox mode/);
      await chat.screenshot('1-help-card');
    });

    test("the help card's Try button for devices answers with the device list in a new message; help stays", async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.clickCardButton('Try', { near: 'List or search managed devices' });
      const card = await chat.waitForNewCard(before);
      await chat.waitForCardText(/Showing \d+–\d+/);
      const text = await card.innerText();
      expect(text).toContain('Devices');
      expect(text).toMatch(/MMD-\d{5}/);
      // The help card is still there, above the answer, with its Try buttons.
      const help = chat.cards().filter({ hasText: 'What MMD Assist can do' });
      expect(await help.count()).toBe(1);
      expect(await help.getByRole('button', { name: 'Try' }).count()).toBeGreaterThan(5);
      expect(await chat.cardCount()).toBe(before + 1);
      await chat.screenshot('2-device-list');
    });

    test('"tickets" lists tickets, and a row opens the ticket', async () => {
      const { chat } = session;
      const before = await chat.cardCount();
      await chat.send('tickets');
      const list = await chat.waitForNewCard(before);
      await chat.waitForCardText('Apply filters');
      await chat.screenshot('3-ticket-list');

      // The first row: its title on the first line, the ticket id at the start of the second.
      const firstRow = list.getByRole('button', { name: 'Open', exact: true }).first();
      const rowText = await firstRow.innerText();
      const [title, detail] = rowText
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const id = /^MMD-[\w-]+/.exec(detail ?? '')?.[0];
      expect({ rowText, id }).toEqual({ rowText, id: expect.stringMatching(/^MMD-/) });

      await chat.clickCardButton('Open', { near: title });
      const ticket = await chat.waitForCardText('Category');
      const text = await ticket.innerText();
      expect(text).toContain(title);
      expect(text).toContain(id!);
      expect(text).not.toContain('Apply filters');
      await chat.screenshot('4-ticket-detail');
    });
  });
}
