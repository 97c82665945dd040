/**
 * Issue 25 point 9 in headless Chromium: the dashboard's bars and pills carry the chat's labels
 * and colours, and at 320 px wide the filter fields take the width (nothing cut). Screenshot
 * test-artifacts/e2e/tab-320.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningApp } from '../../src/app';
import { describeE2e, launchBrowser } from '../helpers/chromium';
import { ARTIFACT_DIR } from '../helpers/playground-page';
import { startTabApp } from '../tab/tab-harness';

jest.setTimeout(90_000);

describeE2e('dashboard labels and colours, 320 px', (chromiumPath) => {
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

  test('bars and pills say what chat says, and the filters fit 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    await page.goto(`${app.url}/tab/dev/host.html`);
    const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
    if (!frame) throw new Error('no tab frame');
    await frame.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await frame.waitForSelector('svg.chart rect.bar');

    const bars = await frame
      .locator('svg.chart rect.bar')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('data-label'), el.getAttribute('class')]));
    const classOf = (label: string) => bars.find(([l]) => l === label)?.[1] ?? '';
    expect(classOf('Non-compliant')).toContain('color-Attention');
    expect(classOf('Compliant')).toContain('color-Good');
    expect(classOf('Resolved')).toContain('color-Good');
    expect(bars.map(([l]) => l)).not.toContain('NonCompliant');

    await frame.waitForSelector('#ticket-list tbody tr');
    const pills = await frame.locator('#ticket-list .pill').allInnerTexts();
    expect(pills.some((p) => /^(New|Active|Resolved|Closed)$/.test(p))).toBe(true);

    // Every filter field lies within the page and is as wide as its form (nothing clipped).
    const fields = await frame.locator('.filters input, .filters select').evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        const form = (el.closest('form') as HTMLElement).getBoundingClientRect();
        return { id: el.id, right: box.right, width: box.width, formWidth: form.width, overflow: el.scrollWidth - el.clientWidth };
      }),
    );
    expect(fields.length).toBeGreaterThan(2);
    for (const f of fields) {
      expect({ id: f.id, inside: f.right <= 320 }).toEqual({ id: f.id, inside: true });
      expect({ id: f.id, full: f.width >= f.formWidth - 40 }).toEqual({ id: f.id, full: true });
      expect({ id: f.id, overflow: f.overflow <= 1 }).toEqual({ id: f.id, overflow: true });
    }
    // Column headings whole, each on one line (the table scrolls sideways).
    const headings = await frame.locator('#ticket-list th').evaluateAll((els) =>
      els.map((el) => ({
        text: el.textContent,
        lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
      })),
    );
    for (const h of headings) expect(h).toEqual({ text: h.text, lines: 1 });
    await page.screenshot({ path: join(ARTIFACT_DIR, 'tab-320.png'), fullPage: true });
    await page.close();
  });
});
