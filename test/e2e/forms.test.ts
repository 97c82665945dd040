import type { Locator } from 'playwright-core';
import { describeE2e } from '../helpers/chromium';
import type { PlaygroundPage } from '../helpers/playground-page';
import { E2E_TEST_TIMEOUT_MS, startE2eSession, type E2eSession } from './mmd-session';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

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

// The new ticket form in the Playground, as a user fills it: prefilled contact, choice sets, a
// submit the client refuses, one the server refuses, then the real one, whose ticket card takes
// the form's place. Screenshots land in test-artifacts/e2e/forms-*.png.
describeE2e('the new ticket form in the Agents Playground', (chromiumPath) => {
  let session: E2eSession;
  /** Where the form is in the chat: the ticket card must end up in this very slot. */
  let formIndex = -1;
  let form: Locator;

  beforeAll(async () => {
    session = await startE2eSession(chromiumPath, 'forms');
  });

  afterAll(async () => {
    await session?.stop();
  });

  test('"new ticket" opens the form with the contact prefilled from the Teams profile', async () => {
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
    for (const label of ['Phone', 'Type', 'Severity', 'Category', 'Subcategory', 'Title', 'Description']) {
      expect({ label, value: await valueOf(chat, label, form) }).toEqual({ label, value: '' });
    }
    await expect(form.getByRole('button', { name: 'Create ticket', exact: true }).count()).resolves.toBe(1);
    await chat.screenshotCard('01-form', form);
  });

  test('with the title left empty the Playground refuses to submit and shows the field\'s message', async () => {
    const { chat } = session;
    await chat.chooseCardOption('Type', 'Change request', { card: form });
    await chat.chooseCardOption('Severity', 'Moderate', { card: form });
    await chat.chooseCardOption('Category', 'Apps', { card: form });
    // A filtered choice set: typed to search, as a user would. Hardware belongs to Devices only,
    // which the card cannot know (Adaptive Cards 1.5 has no dependent choices): the server must.
    await chat.chooseCardOption('Subcategory', 'Hardware (Devices)', { card: form, search: 'Hard' });
    await chat.fillCardField('Description', DESCRIPTION, form);
    await chat.fillCardField('Phone', PHONE, form);
    expect(await valueOf(chat, 'Type', form)).toBe('Change request');
    expect(await valueOf(chat, 'Subcategory', form)).toBe('Hardware (Devices)');
    expect(await valueOf(chat, 'Description', form)).toBe(DESCRIPTION);

    const invokes = await invokesSent(chat);
    const before = await chat.cardCount();
    await chat.clickCardButton('Create ticket', { card: form });
    // The client's own check (isRequired + errorMessage from the field rules): nothing is sent.
    await form.getByText('Enter a title (at most 200 characters).', { exact: true }).waitFor();
    await chat.screenshotCard('02-client-validation', form);
    const text = await form.innerText();
    expect(text).toContain('New support ticket');
    expect(text).not.toContain('Please correct');
    expect(await invokesSent(chat)).toBe(invokes);
    expect(await chat.cardCount()).toBe(before);
  });

  test('a subcategory of another category is refused by the bot: the form comes back with the message and the input kept', async () => {
    const { chat } = session;
    await chat.fillCardField('Title', TITLE, form);
    const invokes = await invokesSent(chat);
    const before = await chat.cardCount();
    await chat.clickCardButton('Create ticket', { card: form });
    await form.getByText('Please correct the field marked below.', { exact: true }).waitFor();
    expect(await invokesSent(chat)).toBe(invokes + 1);

    const text = await form.innerText();
    expect(text).toContain('That subcategory does not belong to Apps. Choose one of: Other.');
    expect(text).not.toContain('Enter a title');
    // The re-rendered form (a new card in the same slot) still holds what was typed and chosen.
    expect(await valueOf(chat, 'Title', form)).toBe(TITLE);
    expect(await valueOf(chat, 'Description', form)).toBe(DESCRIPTION);
    expect(await valueOf(chat, 'Type', form)).toBe('Change request');
    expect(await valueOf(chat, 'Severity', form)).toBe('Moderate');
    expect(await valueOf(chat, 'Category', form)).toBe('Apps');
    expect(await valueOf(chat, 'Phone', form)).toBe(PHONE);
    expect(await valueOf(chat, 'E-mail', form)).toBe(PROFILE.email);
    expect(await chat.cardCount()).toBe(before);
    await chat.screenshotCard('03-server-validation', form);
  });

  test('a valid submit creates the ticket, and its card replaces the form in the same slot', async () => {
    const { chat } = session;
    await chat.chooseCardOption('Category', 'Devices', { card: form });
    const before = await chat.cardCount();
    await chat.clickCardButton('Create ticket', { card: form });
    await form.getByText(/^Notes \(0\)$/).waitFor();

    const text = await form.innerText();
    expect(text).toContain(TITLE);
    expect(text).not.toContain('New support ticket');
    expect(text).not.toContain('Create ticket');
    expect(text).toContain('Change request');
    expect(text).toContain('Moderate');
    expect(text).toContain('Devices / Hardware');
    expect(text).toContain('Since Monday the USB-C dock is not detected.');
    expect(text).toContain(PROFILE.email);
    expect(text).toContain(PHONE);
    expect(text).toMatch(/MMD-[\w-]+/);
    // Replaced, not added: no new message, and no form anywhere in the chat.
    expect(await chat.cardCount()).toBe(before);
    expect(await chat.cards().filter({ hasText: 'New support ticket' }).count()).toBe(0);
    await chat.screenshotCard('04-ticket-created', form);
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
    await chat.screenshotCard('05-ticket-list', list);
  });
});
