import type { Locator } from 'playwright-core';
import type { PlaygroundPage } from '../helpers/playground-page';
import { type E2eSession, type SharedSession } from './mmd-session';

/** Unique per run, so the list check cannot be passed by a seeded ticket. */
const TITLE = `Docking station not detected (e2e ${Date.now().toString(36)})`;
const DESCRIPTION = 'Since Monday the USB-C dock is not detected.\nReplugging does not help.';
const PHONE = '+1 425 555 0100';

/** The Playground's mock user (TEAMS-NOTES.md), as the form prefills the contact from Teams. */
const PROFILE = { givenName: 'Alex', surname: 'Wilber', email: 'alexw@example.com' };

/** How many Action.Execute invokes the Playground has sent to the bot (its log panel lists each). */
async function invokesSent(chat: PlaygroundPage): Promise<number> {
  const panel = await chat.page.getByText('Log Panel', { exact: true }).locator('xpath=ancestor::*[3]').innerText();
  return panel.match(/-\s*>\s*User Application\s+invoke\b/g)?.length ?? 0;
}

async function valueOf(chat: PlaygroundPage, label: string, card?: Locator): Promise<string> {
  return (await chat.cardInput(label, card)).inputValue();
}

/**
 * `read()` again until `done` holds (or 15 s pass), then its last value. A read that throws (the
 * card was replaced under it: the input it found is gone) counts as not done yet; if no read ever
 * succeeded, the last error is thrown.
 */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const end = Date.now() + 15_000;
  let last: { value: T } | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = { value: await read() };
      if (done(last.value)) return last.value;
    } catch (err) {
      error = err;
    }
    if (Date.now() >= end) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (last) return last.value;
  throw error;
}

/** The options a choice set offers, as the user sees them when it opens (then closed again). */
async function optionsOf(chat: PlaygroundPage, label: string, card?: Locator, screenshot?: string): Promise<string[]> {
  const combobox = await chat.cardInput(label, card);
  await combobox.click({ timeout: 3_000 });
  // Short: when the card is being replaced, `until` reads again rather than wait on a stale input.
  const listId = await combobox.getAttribute('aria-controls', { timeout: 3_000 });
  if (!listId) throw new Error(`The choice set "${label}" did not open its list.`);
  const options = chat.page.locator(`[id="${listId}"]`).locator('[role="option"]');
  await options.first().waitFor({ timeout: 5_000 });
  const texts = (await options.allInnerTexts()).map((t) => t.trim());
  // With the list open: the artefact shows the choices themselves.
  if (screenshot) await chat.screenshot(screenshot);
  await chat.page.keyboard.press('Escape');
  return texts;
}

// The new ticket form in the Playground, as a user fills it: prefilled contact, the category
// first and "Choose subcategory" (the subcategory list follows the category), a submit the client
// refuses, one the server refuses (a category changed on the client only), then the real one,
// whose ticket card takes the form's place. Screenshots land in test-artifacts/e2e/forms-*.png.
export function ticketFormTests(shared: SharedSession): void {
  describe('the new ticket form in the Agents Playground', () => {
    let session: E2eSession;
    /** Where the form is in the chat: the ticket card must end up in this very slot. */
    let formIndex = -1;
    let form: Locator;

    beforeAll(async () => {
      session = await shared.use('forms', 'clear');
    });

    test('"new ticket" opens step 1: the contact prefilled from the Teams profile, the category to choose first', async () => {
      const { chat } = session;
      formIndex = await chat.cardCount();
      await chat.send('new ticket');
      await chat.waitForNewCard(formIndex);
      await chat.waitForCardText('New support ticket');
      form = chat.cards().nth(formIndex);

      expect(await valueOf(chat, 'Given name', form)).toBe(PROFILE.givenName);
      expect(await valueOf(chat, 'Surname', form)).toBe(PROFILE.surname);
      expect(await valueOf(chat, 'E-mail', form)).toBe(PROFILE.email);
      // Teams has no phone number for the bot; everything about the ticket starts empty.
      for (const label of ['Phone', 'Type', 'Severity', 'Category', 'Title', 'Description']) {
        expect({ label, value: await valueOf(chat, label, form) }).toEqual({ label, value: '' });
      }
      // No subcategory list and no Create yet: the subcategories follow the category.
      expect(await form.innerText()).toContain('Choose a category, then press Choose subcategory.');
      await expect(form.getByRole('button', { name: 'Create ticket', exact: true }).count()).resolves.toBe(0);
      await expect(form.getByRole('button', { name: 'Choose subcategory', exact: true }).count()).resolves.toBe(1);
      await expect(form.getByRole('button', { name: 'Cancel', exact: true }).count()).resolves.toBe(1);
      await chat.screenshotCard('01-form', form);
    });

    test('the dependent subcategory: choosing a category and pressing Choose subcategory lists its subcategories, keeping what was typed', async () => {
      const { chat } = session;
      await chat.chooseCardOption('Type', 'Change request', { card: form });
      await chat.chooseCardOption('Severity', 'Moderate', { card: form });
      await chat.fillCardField('Description', DESCRIPTION, form);
      await chat.fillCardField('Phone', PHONE, form);
      await chat.chooseCardOption('Category', 'Apps', { card: form });
      const before = await chat.cardCount();
      // The title is still empty: step 1 asks only for the category, so the button is not blocked.
      await chat.clickCardButton('Choose subcategory', { card: form });
      await form.getByRole('button', { name: 'Create ticket', exact: true }).waitFor();
      expect(await optionsOf(chat, 'Subcategory', form, '02-subcategories-of-apps-open')).toEqual([
        'Microsoft 365 Apps',
        'Teams',
        'Line of business app',
        'Other',
      ]);
      expect(await valueOf(chat, 'Type', form)).toBe('Change request');
      expect(await valueOf(chat, 'Severity', form)).toBe('Moderate');
      expect(await valueOf(chat, 'Category', form)).toBe('Apps');
      expect(await valueOf(chat, 'Description', form)).toBe(DESCRIPTION);
      expect(await valueOf(chat, 'Phone', form)).toBe(PHONE);
      expect(await chat.cardCount()).toBe(before);
      await chat.screenshotCard('02-subcategories-follow-apps', form);

      // Another category: the list follows again.
      await chat.chooseCardOption('Category', 'Networking', { card: form });
      await chat.fillCardField('Title', 'kept while the list changes', form);
      await chat.clickCardButton('Choose subcategory', { card: form });
      // The card is replaced in place when the bot answers: read the list until it is the new one.
      expect(
        await until(
          () => optionsOf(chat, 'Subcategory', form),
          (o) => o.includes('VPN'),
        ),
      ).toEqual(['VPN', 'Wi-Fi', 'Other']);
      expect(await valueOf(chat, 'Title', form)).toBe('kept while the list changes');
      await optionsOf(chat, 'Subcategory', form, '03-subcategories-of-networking-open');
      await chat.screenshotCard('03-subcategories-follow-networking', form);
    });

    test("with the title left empty the Playground refuses to submit and shows the field's message", async () => {
      const { chat } = session;
      await chat.chooseCardOption('Subcategory', 'VPN', { card: form });
      await chat.fillCardField('Title', '', form);
      const invokes = await invokesSent(chat);
      const before = await chat.cardCount();
      await chat.clickCardButton('Create ticket', { card: form });
      // The client's own check (isRequired + errorMessage from the field rules): nothing is sent.
      await form.getByText('Enter a title (at most 200 characters).', { exact: true }).waitFor();
      await chat.screenshotCard('04-client-validation', form);
      const text = await form.innerText();
      expect(text).toContain('New support ticket');
      expect(text).not.toContain('Please correct');
      expect(await invokesSent(chat)).toBe(invokes);
      expect(await chat.cardCount()).toBe(before);
    });

    test('a category changed without Choose subcategory is refused by the bot: the form comes back with the message, the new list and the input kept', async () => {
      const { chat } = session;
      await chat.fillCardField('Title', TITLE, form);
      // Networking / VPN chosen; now the category changes on the client only.
      await chat.chooseCardOption('Category', 'Apps', { card: form });
      const invokes = await invokesSent(chat);
      const before = await chat.cardCount();
      await chat.clickCardButton('Create ticket', { card: form });
      await form.getByText('Please correct the field marked below.', { exact: true }).waitFor();
      expect(await invokesSent(chat)).toBe(invokes + 1);

      const text = await form.innerText();
      expect(text).toContain(
        'That subcategory does not belong to Apps. Choose one of: Microsoft 365 Apps, Teams, Line of business app, Other.',
      );
      expect(text).not.toContain('Enter a title');
      expect(await optionsOf(chat, 'Subcategory', form)).toEqual(['Microsoft 365 Apps', 'Teams', 'Line of business app', 'Other']);
      // The re-rendered form (a new card in the same slot) still holds what was typed and chosen.
      expect(await valueOf(chat, 'Title', form)).toBe(TITLE);
      expect(await valueOf(chat, 'Description', form)).toBe(DESCRIPTION);
      expect(await valueOf(chat, 'Type', form)).toBe('Change request');
      expect(await valueOf(chat, 'Severity', form)).toBe('Moderate');
      expect(await valueOf(chat, 'Category', form)).toBe('Apps');
      expect(await valueOf(chat, 'Phone', form)).toBe(PHONE);
      expect(await valueOf(chat, 'E-mail', form)).toBe(PROFILE.email);
      expect(await chat.cardCount()).toBe(before);
      await chat.screenshotCard('05-server-validation', form);
    });

    test('a valid submit creates the ticket with the chosen pair, and its card replaces the form in the same slot', async () => {
      const { chat } = session;
      await chat.chooseCardOption('Subcategory', 'Line of business app', { card: form });
      const before = await chat.cardCount();
      await chat.clickCardButton('Create ticket', { card: form });
      await form.getByText(/^Notes \(0\)$/).waitFor();

      const text = await form.innerText();
      expect(text).toContain(TITLE);
      expect(text).not.toContain('New support ticket');
      expect(text).not.toContain('Create ticket');
      expect(text).toContain('Change request');
      expect(text).toContain('Moderate');
      expect(text).toContain('Apps / Line of business app');
      expect(text).toContain('Since Monday the USB-C dock is not detected.');
      expect(text).toContain(PROFILE.email);
      expect(text).toContain(PHONE);
      expect(text).toMatch(/MMD-[\w-]+/);
      // Replaced, not added: no new message, and no form anywhere in the chat.
      expect(await chat.cardCount()).toBe(before);
      expect(await chat.cards().filter({ hasText: 'New support ticket' }).count()).toBe(0);
      await chat.screenshotCard('06-ticket-created', form);
      const created = await session.app.mmd.tickets.list({ titleContains: TITLE });
      expect(created.items.map((t) => [t.category, t.subcategory])).toEqual([['Apps', 'Line of business app']]);
    });

    test('"tickets" lists the new ticket first', async () => {
      const { chat } = session;
      const created = await form.innerText();
      const before = await chat.cardCount();
      await chat.send('tickets');
      const list = await chat.waitForNewCard(before);
      await chat.waitForCardText(TITLE);
      const first = await list.getByRole('button', { name: 'Open', exact: true }).first().innerText();
      expect(first).toContain(TITLE);
      const id = /MMD-[\w-]+/.exec(first)?.[0];
      expect(id && created.includes(id)).toBe(true);
      await chat.screenshotCard('07-ticket-list', list);
    });
  });
}
