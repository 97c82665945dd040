import type { Locator, Page } from 'playwright-core';
import { BOT_MESSAGE } from '../helpers/playground-page';
import { BOT_DOMAIN, type E2eSession, type SharedSession } from './mmd-session';

const MESSAGE = 'Printing fails on MMD-00001 since Monday, see MMD-1465058-R5V8P';

/** A card anywhere in the conversation (the user's own messages hold the inserted cards). */
const cardWith = (page: Page, text: string | RegExp): Locator => page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

/** The message extension menu next to the composer: Search Command, Action Command, Link Unfurling. */
async function openExtension(page: Page, kind: 'Search Command' | 'Link Unfurling'): Promise<void> {
  await page.keyboard.press('Escape'); // a dialog or panel left open by an earlier step
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
  await page.getByRole('menuitem', { name: kind }).click();
}

// The message extension in the Agents Playground, which plays Teams' compose box, message
// actions and link unfurling (it has no selectItem, no paging and no initial run: the loopback
// tests in test/bot/extensions cover those). Screenshots: test-artifacts/e2e/extension-*.png.
export function messageExtensionTests(shared: SharedSession): void {
  describe('message extension in the Agents Playground', () => {
    let session: E2eSession;
    const logged = (text: string) => session.logs.filter((line) => line.includes(text)).length;
    /** What the shared chat's earlier suites logged, before this suite's first step. */
    const earlier = { messages: 0, shared: 0 };

    beforeAll(async () => {
      session = await shared.use('extension', 'clear');
      earlier.messages = logged('"msg":"message"');
      earlier.shared = logged('a card shared from the message extension');
    });

    test('search: devices matching the text are listed, and the chosen one is sent as its card', async () => {
      const { page } = session.chat;
      await openExtension(page, 'Search Command');
      // The Playground does not read the manifest: it asks for the command id and parameter name.
      await page.getByText('Specify Command ID or Parameter').click();
      await page.getByPlaceholder('Command ID').fill('search');
      await page.getByPlaceholder('Parameter name').fill('searchText');
      await page.getByPlaceholder('Enter a search term').fill('MMD-0001');
      // In the search panel, not in the bot's cards the chat already holds.
      const inPanel = (text: string) => page.getByText(text, { exact: true }).and(page.locator(`:not(${BOT_MESSAGE} *)`));
      const result = inPanel('MMD-00010');
      await result.waitFor();
      await expectVisible(inPanel('MMD-00019'));
      await session.chat.screenshot('1-search-results');

      await result.click();
      await page.getByRole('button', { name: 'Send Message' }).click();
      const card = cardWith(page, 'MMD-00010');
      await card.filter({ hasText: 'Serial number' }).waitFor();
      await session.chat.screenshot('2-search-card-sent');
    });

    test('"Create MMD ticket" on a message opens the form filled from it and creates the ticket', async () => {
      const { chat } = session;
      const { page } = chat;
      // Every message has its own "more" button, in order: the next one is the message sent now.
      const more = page.getByRole('button', { name: 'Show more information' });
      const before = await more.count();
      await chat.send(MESSAGE);
      await page.getByText(MESSAGE, { exact: true }).last().waitFor();
      await more.nth(before).click();
      await page.getByRole('menuitem', { name: 'Action Command' }).click();
      await page.getByRole('textbox', { name: 'Command ID' }).fill('createTicket');
      await page.getByRole('button', { name: 'Create' }).click();

      const dialog = page.getByRole('dialog').filter({ hasText: 'New support ticket' });
      await dialog.waitFor();
      expect(await (await chat.cardInput('Title', dialog)).inputValue()).toBe(MESSAGE);
      const description = await (await chat.cardInput('Description', dialog)).inputValue();
      expect(description).toContain('Devices: MMD-00001');
      expect(description).toContain('Related tickets: MMD-1465058-R5V8P');
      expect(await (await chat.cardInput('Category', dialog)).inputValue()).toBe('Devices');
      await chat.screenshot('3-ticket-dialog');

      await chat.chooseCardOption('Type', 'Change request', { card: dialog });
      await chat.chooseCardOption('Severity', 'Low', { card: dialog });
      // The message named a device, so the form starts with Devices and its subcategories.
      await chat.chooseCardOption('Subcategory', 'Deployment groups assignment', { card: dialog });
      await chat.fillCardField('Phone', '+1 425 555 0100', dialog);
      await dialog.getByRole('button', { name: 'Create ticket' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Send Message' }).click();
      const card = cardWith(page, MESSAGE);
      await card.waitFor();
      const created = await session.app.mmd.tickets.list({ titleContains: 'Printing fails on MMD-00001' });
      expect(created.items).toHaveLength(1);
      expect(await card.innerText()).toContain(created.items[0]!.id);
      await chat.screenshot('4-ticket-card-sent');
    });

    test('link unfurling: an Intune admin center device link becomes the device card', async () => {
      const { page } = session.chat;
      const device = (await session.app.mmd.devices.list({ skip: 20, top: 20 })).items.find((d) => d.intuneId)!;
      await openExtension(page, 'Link Unfurling');
      const dialog = page.getByRole('dialog', { name: 'Link Unfurling' });
      await dialog
        .getByRole('textbox', { name: 'Enter an URL' })
        .fill(
          `https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${device.intuneId}`,
        );
      await dialog.getByText(device.intuneId!, { exact: true }).waitFor();
      await expectVisible(dialog.getByText(device.name, { exact: true }));
      await session.chat.screenshot('5-unfurl-preview');
      await dialog.getByRole('button', { name: 'Send to Conversation' }).click();
      await cardWith(page, device.intuneId!).waitFor();
      await session.chat.screenshot('6-unfurl-sent');
    });

    test('a link on the bot domain unfurls too; the bot never answered the shared cards', async () => {
      const { page } = session.chat;
      await openExtension(page, 'Link Unfurling');
      const dialog = page.getByRole('dialog', { name: 'Link Unfurling' });
      await dialog.getByRole('textbox', { name: 'Enter an URL' }).fill(`https://${BOT_DOMAIN}/devices/MMD-00002`);
      await dialog.getByText('MMD-00002', { exact: true }).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      // Only the typed message above was read as a chat message; the three cards sent from the
      // extension (search result, new ticket, unfurled link) got no answer.
      expect(logged('"msg":"message"') - earlier.messages).toBe(1);
      expect(logged('a card shared from the message extension') - earlier.shared).toBe(3);
    });
  });

  async function expectVisible(locator: Locator): Promise<void> {
    await locator.first().waitFor({ state: 'visible' });
  }
}
