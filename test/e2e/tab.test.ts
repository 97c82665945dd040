/**
 * The personal tab in headless Chromium, standalone: the sandbox host page (tab/dev/host.ts)
 * frames /tab/ and answers teams-js's postMessage protocol (initialize, getContext,
 * authentication.getAuthToken) the way Teams does, with a development SSO token. The dashboard
 * loads emulator data, the charts render, a filter works, a note is added; and a plain browser
 * gets the "open in Teams" message. Screenshots go to test-artifacts/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { RunningApp } from '../../src/app';
import { describeE2e, launchBrowser } from '../helpers/chromium';
import { ARTIFACT_DIR } from '../helpers/playground-page';
import { startTabApp } from '../tab/tab-harness';

jest.setTimeout(90_000);

describeE2e('personal tab (teams-js host simulated)', (chromiumPath) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    execFileSync(process.execPath, [resolve(__dirname, '../../scripts/build-tab.mjs')], { stdio: 'pipe' });
    mkdirSync(ARTIFACT_DIR, { recursive: true });
    app = await startTabApp();
    browser = await launchBrowser(chromiumPath);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function openPage(path: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    // Loopback only: nothing may leave the machine.
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    await page.goto(`${app.url}${path}`);
    return page;
  }

  async function tabFrame(page: Page): Promise<Frame> {
    const handle = await page.waitForSelector('iframe#tab');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no tab frame');
    await frame.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return frame;
  }

  test('the dashboard loads with emulator data and charts; a filter works; a note is added', async () => {
    const page = await openPage('/tab/dev/host.html');
    const tab = await tabFrame(page);
    await expect(tab.locator('#who').innerText()).resolves.toContain('Alex Wilber');

    // Charts: four SVG images with text alternatives, bars drawn.
    const charts = tab.locator('svg.chart[role="img"]');
    await expect(charts.count()).resolves.toBe(4);
    const labels = await charts.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(labels[0]).toMatch(/^Tickets by state: .*\d/);
    expect(labels.some((l) => /^Devices by update ring: .*(Test|First|Fast|Broad) \d/.test(l))).toBe(true);
    await expect(tab.locator('svg.chart rect.bar').count()).resolves.toBeGreaterThan(6);
    await expect(tab.locator('#failing-devices tbody tr').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACT_DIR, 'tab-dashboard-light.png'), fullPage: true });

    // Filter: severity High, and every row says High.
    const rows = tab.locator('#ticket-list tbody tr');
    await tab.getByRole('combobox', { name: /^Severity/ }).selectOption('2');
    await tab.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('#ticket-list tbody tr td:nth-child(4)'));
      return cells.length > 0 && cells.every((c) => c.textContent === 'High');
    });
    await expect(rows.count()).resolves.toBeGreaterThan(0);

    // Open a ticket (keyboard), add a note.
    const first = tab.locator('#ticket-list button[data-ticket]').first();
    const id = await first.getAttribute('data-ticket');
    await first.focus();
    await tab.page().keyboard.press('Enter');
    await tab.waitForSelector('#ticket-detail:not([hidden]) #note-form');
    await tab.getByLabel('Add a note').fill('Checked from the dashboard <script>alert(1)</script>');
    await tab.getByRole('button', { name: 'Add note' }).click();
    await tab.waitForFunction(() => document.querySelector('#note-form .form-status')?.textContent === 'Note added.');
    const lastNote = tab.locator('#notes li').last();
    // With app context the note carries who wrote it (issue 13's attribution line).
    await expect(lastNote.locator('.note-text').innerText()).resolves.toBe(
      'Checked from the dashboard <script>alert(1)</script>\n\n— Alex Wilber (alex.wilber@contoso.example) via MMD Assist',
    );
    const notes = await app.mmd.tickets.notes(id!);
    expect(notes.at(-1)!.text).toContain('Checked from the dashboard');
    await page.screenshot({ path: join(ARTIFACT_DIR, 'tab-note-added.png'), fullPage: true });

    // Theme changes from the host are followed.
    await page.selectOption('#theme', 'dark');
    await tab.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.screenshot({ path: join(ARTIFACT_DIR, 'tab-dashboard-dark.png'), fullPage: true });
    await page.selectOption('#theme', 'contrast');
    await tab.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    await page.screenshot({ path: join(ARTIFACT_DIR, 'tab-dashboard-contrast.png'), fullPage: true });
    await page.close();
  });

  test('an elevation request is closed from the tab; narrow width stays readable', async () => {
    const device = (await app.mmd.devices.list({ top: 1 })).items[0]!.name;
    await app.mmd.elevations.create({
      partnerTicketId: 'T-9',
      deviceName: device,
      title: 'Tab close test',
      category: 'Software',
      subcategory: 'Other',
      planOfAction: 'Install',
    });
    const page = await openPage('/tab/dev/host.html?theme=dark', { width: 380, height: 800 });
    const tab = await tabFrame(page);
    await tab.getByRole('button', { name: `Close elevation request Tab close test on ${device}` }).click();
    await tab.getByLabel(`Actions taken on ${device}`).fill('Installed');
    await tab.getByRole('button', { name: 'Close request' }).click();
    await tab.waitForFunction(() => !document.body.innerText.includes('Tab close test'));
    // Nothing wider than the narrow viewport except scrollable tables.
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACT_DIR, 'tab-narrow-dark.png'), fullPage: true });
    await page.close();
  });

  test('in a plain browser (no Teams host) the page says to open it in Teams', async () => {
    const page = await openPage('/tab/');
    await page.waitForSelector('#outside:not([hidden])', { timeout: 10_000 });
    await expect(page.locator('#outside').innerText()).resolves.toMatch(/must be opened in Microsoft Teams/);
    await expect(page.locator('#app').isHidden()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACT_DIR, 'tab-outside-teams.png') });
    await page.close();
  });
});
