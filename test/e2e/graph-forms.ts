import type { Locator } from 'playwright-core';
import { type E2eSession, type SharedSession } from './mmd-session';

/** Unique per run, so the checks cannot be passed by seeded data. */
const RUN = Date.now().toString(36);
const INCIDENT_TITLE = `Suspicious sign-in from a new country (e2e ${RUN})`;
const REASON = `The user could not be authenticated (e2e ${RUN})`;

// The Graph forms in the Playground, as a user fills them: `new incident` created end to end, and
// `report enrollment failure` from a device card's button with the device's ids prefilled. The
// result card takes the form's place. Screenshots land in test-artifacts/e2e/graph-forms-*.png.
export function graphFormTests(shared: SharedSession): void {
  describe('the Graph forms in the Agents Playground', () => {
    let session: E2eSession;

    beforeAll(async () => {
      session = await shared.use('graph-forms', 'clear');
    });

    test('"new incident": the form, then the incident card in its place', async () => {
      const { chat } = session;
      const index = await chat.cardCount();
      await chat.send('new incident');
      await chat.waitForNewCard(index);
      await chat.waitForCardText('New security incident');
      const form: Locator = chat.cards().nth(index);
      await chat.fillCardField('Title', INCIDENT_TITLE, form);
      await chat.chooseCardOption('Severity', 'High', { card: form });
      await chat.screenshotCard('01-incident-form', form);
      const before = await chat.cardCount();
      await chat.clickCardButton('Create incident', { card: form });
      await form.getByText(/^Comments \(\d+\)$/).waitFor();
      const text = await form.innerText();
      expect(text).toContain(INCIDENT_TITLE);
      expect(text).toContain('High');
      expect(text).not.toContain('Create incident');
      expect(await chat.cardCount()).toBe(before);
      await chat.screenshotCard('02-incident-created', form);
    });

    test('"report enrollment failure" from a device card: prefilled, reported, replaced by the event', async () => {
      const { chat, app } = session;
      const devices = await app.mmd.devices.list({ top: 50 });
      const device = devices.items.find((d) => d.intuneId && d.aadDeviceId && d.userUpn);
      if (!device) throw new Error('no Intune device in the seed');

      const index = await chat.cardCount();
      await chat.send(`device ${device.name}`);
      const deviceCard = await chat.waitForNewCard(index);
      await chat.waitForCardText('Enrollment troubleshooting');
      await chat.clickCardButton('Report enrollment failure', { card: deviceCard });
      // Action.Execute: the form takes the device card's place.
      const form = deviceCard;
      await form.getByText('Report an enrollment failure', { exact: true }).waitFor();
      expect(await (await chat.cardInput('Intune device id', form)).inputValue()).toBe(device.intuneId);
      expect(await (await chat.cardInput('Entra device id', form)).inputValue()).toBe(device.aadDeviceId);
      expect(await (await chat.cardInput('User', form)).inputValue()).toBe(device.userUpn);
      await chat.chooseCardOption('Enrollment type', 'User enrollment', { card: form });
      await chat.chooseCardOption('Failure category', 'Authentication', { card: form });
      await chat.fillCardField('Failure reason', REASON, form);
      await chat.screenshotCard('03-enrollment-form', form);
      const before = await chat.cardCount();
      await chat.clickCardButton('Report failure', { card: form });
      // The typed reason is on the page before the answer too (the input's own text): wait for the
      // form's button to go, then for the event card's text.
      await form.getByRole('button', { name: 'Report failure' }).waitFor({ state: 'detached', timeout: 15_000 });
      await form.getByText(REASON).first().waitFor();
      const text = await form.innerText();
      expect(text).toContain(device.intuneId!);
      expect(text).toContain('Authentication');
      expect(text).not.toContain('Report failure');
      expect(await chat.cardCount()).toBe(before);
      await chat.screenshotCard('04-enrollment-reported', form);
    });
  });
}
