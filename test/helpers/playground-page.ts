import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Where screenshots go (gitignored); CI can keep the folder as an artefact. */
export const ARTIFACT_DIR = resolve(__dirname, '../../test-artifacts/e2e');

export type ChatName = 'Personal Chat' | 'Group Chat' | 'My Team - General' | 'My Team - Announcements';

const COMPOSER = '[data-lexical-editor="true"][role="textbox"]';
/** A bot message in the Playground's chat. */
export const BOT_MESSAGE = '.fai-OutputCard';
const CARD = '.ac-adaptiveCard';
const DEFAULT_TIMEOUT_MS = 15_000;
/** The Playground's name for the app under test. */
const BOT_NAME = 'Test Bot';

// Only the Playground itself: the page asks a CDN for fonts, and tests run without network.
function isLocal(url: string): boolean {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return true;
    return hostname === 'localhost' || hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * Drives the Agents Playground page like a Teams user: pick a conversation, type, click card
 * buttons, read the cards the bot sent. Selectors are the ones listed in TEAMS-NOTES.md.
 */
export class PlaygroundPage {
  /** Browser console errors and failed local requests, for failure messages. */
  readonly problems: string[] = [];
  /** More context for failure messages (the bot's own warnings, say). */
  extraDiagnostics: () => string = () => '';

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    /** Names this test's screenshots (`<prefix>-<name>.png`); a suite sharing the page sets its own. */
    public prefix: string,
  ) {}

  /**
   * Opens the Playground in a fresh browser context and waits for the composer. `prefix` names
   * this test's screenshots (`<prefix>-<name>.png`).
   */
  static async open(browser: Browser, url: string, prefix: string): Promise<PlaygroundPage> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
    const pg = new PlaygroundPage(page, context, prefix);
    await page.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
    page.on('console', (msg) => {
      // Aborted CDN requests (fonts, animations) are expected noise.
      const url = msg.location().url;
      if (msg.type() === 'error' && (!url || isLocal(url)) && !/net::ERR_FAILED|Network error/.test(msg.text())) {
        pg.problems.push(`console: ${msg.text()}`);
      }
    });
    page.on('pageerror', (err) => pg.problems.push(`pageerror: ${err.message}`));
    await page.goto(url);
    await page.locator(COMPOSER).waitFor();
    return pg;
  }

  /**
   * Reloads the Playground page: the chat starts empty again (the Playground keeps no history
   * across a reload and sends no new install), while the conversation and the bot's state stay.
   */
  async clearChat(): Promise<void> {
    await this.page.reload();
    await this.page.locator(COMPOSER).waitFor();
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  /** Selects a conversation in the left rail (the Playground opens on Personal Chat). */
  async openChat(name: ChatName): Promise<void> {
    const item = this.page.getByRole('treeitem', { name });
    await item.click();
    await this.page.locator(COMPOSER).waitFor();
  }

  /**
   * Types a message in the composer and sends it; resolves once it shows in the chat. In group
   * chats and channels Teams delivers only messages that @mention the bot: pass `mentionBot`.
   */
  async send(text: string, options: { mentionBot?: boolean } = {}): Promise<void> {
    const composer = this.page.locator(COMPOSER);
    await composer.click();
    if (options.mentionBot) {
      await this.page.keyboard.type('@');
      await this.page.getByRole('menuitem', { name: BOT_NAME }).click();
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Send Message' }).click();
    await this.page.getByText(text).last().waitFor();
  }

  /** Every bot message (cards and plain text) in the open conversation, oldest first. */
  botMessages(): Locator {
    return this.page.locator(BOT_MESSAGE);
  }

  /** Every Adaptive Card in the open conversation, oldest first. */
  cards(): Locator {
    return this.page.locator(`${BOT_MESSAGE} ${CARD}`);
  }

  lastBotCard(): Locator {
    return this.cards().last();
  }

  async cardCount(): Promise<number> {
    return this.cards().count();
  }

  /**
   * Waits until the newest card contains `text` (a card sent after the last call, or one
   * replaced in place by an Action.Execute response) and returns it.
   */
  async waitForCardText(text: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Locator> {
    const card = this.lastBotCard();
    try {
      await card.filter({ hasText: text }).waitFor({ timeout: timeoutMs });
    } catch (err) {
      throw new Error(`${(err as Error).message}\nNo bot card with ${String(text)}.\n${await this.diagnostics()}`);
    }
    return card;
  }

  /** Waits for a card beyond the first `previousCount` and returns the newest one. */
  async waitForNewCard(previousCount: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Locator> {
    try {
      await this.cards().nth(previousCount).waitFor({ timeout: timeoutMs });
    } catch (err) {
      throw new Error(`${(err as Error).message}\nNo new bot card after ${previousCount}.\n${await this.diagnostics()}`);
    }
    return this.lastBotCard();
  }

  /** Waits for any bot message (text or card) containing `text`. */
  async waitForBotText(text: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Locator> {
    const message = this.botMessages().filter({ hasText: text }).last();
    try {
      await message.waitFor({ timeout: timeoutMs });
    } catch (err) {
      throw new Error(`${(err as Error).message}\nNo bot message with ${String(text)}.\n${await this.diagnostics()}`);
    }
    return message;
  }

  /**
   * Clicks the card button titled `title` in the newest card (or `card`). `near` picks among
   * buttons with the same title (the help card has a "Try" per command, list rows are all
   * "Open"): a clickable row containing that text, else the button sharing the smallest card
   * container with it.
   */
  async clickCardButton(title: string, options: { near?: string | RegExp; card?: Locator } = {}): Promise<void> {
    const card = options.card ?? this.lastBotCard();
    const buttons = card.getByRole('button', { name: title, exact: true });
    if (!options.near) {
      await buttons.click();
      return;
    }
    // A container with a selectAction is itself the button and holds the row's text.
    const row = buttons.filter({ hasText: options.near });
    if ((await row.count()) > 0) {
      await row.first().click();
      return;
    }
    // Containers come in document order, ancestors first: the last match is the innermost.
    const anyButton = this.page.getByRole('button', { name: title, exact: true }); // `has` is relative
    const scope = card.locator('.ac-container').filter({ hasText: options.near }).filter({ has: anyButton }).last();
    await scope.getByRole('button', { name: title, exact: true }).click();
  }

  /** Fills a card input by its label or placeholder (the newest card unless one is given). */
  async fillCardInput(label: string, value: string, card: Locator = this.lastBotCard()): Promise<void> {
    await card.getByLabel(label, { exact: true }).fill(value);
  }

  /**
   * A card input found by its label as the card declares it: the Playground shows required
   * inputs as "Title *" and names choice sets after their placeholder, so `getByLabel` misses
   * them. Works for text, multi-line (a textarea), number, date and time inputs and choice sets.
   */
  async cardInput(label: string, card: Locator = this.lastBotCard()): Promise<Locator> {
    const labels = card.locator('label');
    await labels.first().waitFor();
    const ids = await labels.evaluateAll(
      (els, wanted) =>
        els.filter((el) => (el.textContent ?? '').replace(/\s*\*\s*$/, '').trim() === wanted).map((el) => el.getAttribute('for') ?? ''),
      label,
    );
    if (ids.length !== 1 || !ids[0])
      throw new Error(`Expected one card input labelled "${label}", found ${ids.length}.\n${await this.diagnostics()}`);
    return card.locator(`[id="${ids[0]}"]`);
  }

  /** Replaces the text of a card input found by `cardInput` (multi-line ones too); '' clears it. */
  async fillCardField(label: string, value: string, card: Locator = this.lastBotCard()): Promise<void> {
    await (await this.cardInput(label, card)).fill(value);
  }

  /**
   * Picks `option` (its title as shown) in a card's Input.ChoiceSet, which the Playground draws as
   * a Fluent combobox with a pop-up list (options, or checkbox menu items when multi-select).
   * `search` is typed first, as a user does in a filtered choice set. A multi-select list stays
   * open after a pick (call again for another value), so it is closed with Escape.
   */
  async chooseCardOption(label: string, option: string, options: { card?: Locator; search?: string } = {}): Promise<void> {
    const combobox = await this.cardInput(label, options.card);
    await combobox.click();
    if (options.search !== undefined) await combobox.fill(options.search);
    const listId = await combobox.getAttribute('aria-controls');
    if (!listId) throw new Error(`The choice set "${label}" did not open its list.\n${await this.diagnostics()}`);
    const items = this.page.locator(`[id="${listId}"]`).locator('[role="option"], [role="menuitemcheckbox"], [role="menuitemradio"]');
    const item = items.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(option)}\\s*$`) });
    const multiSelect = (await item.getAttribute('role')) === 'menuitemcheckbox';
    await item.click();
    // Only then: Escape on a closed single-select list is not needed, and no keys go astray.
    if (multiSelect) await this.page.keyboard.press('Escape');
  }

  /** Saves `test-artifacts/e2e/<prefix>-<name>.png` and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACT_DIR, { recursive: true });
    const path = join(ARTIFACT_DIR, `${this.prefix}-${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  /**
   * Saves `test-artifacts/e2e/<prefix>-<name>.png` of one card (the newest unless given), all
   * of it even when it is taller than the chat pane, and returns its path.
   */
  async screenshotCard(name: string, card: Locator = this.lastBotCard()): Promise<string> {
    mkdirSync(ARTIFACT_DIR, { recursive: true });
    const path = join(ARTIFACT_DIR, `${this.prefix}-${name}.png`);
    // A card taller than the chat pane would be shot scrolled, under the Playground's sticky
    // toolbar: the page grows to fit it for the shot, then returns to its size.
    const viewport = this.page.viewportSize();
    const height = await card.evaluate((el) => el.getBoundingClientRect().height);
    const needed = Math.ceil(height) + 600;
    if (viewport && needed > viewport.height) await this.page.setViewportSize({ width: viewport.width, height: Math.min(needed, 10_000) });
    try {
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path });
    } finally {
      if (viewport && needed > viewport.height) await this.page.setViewportSize(viewport);
    }
    return path;
  }

  /** What the page shows when something is missing: the log panel, problems, the last bot message. */
  async diagnostics(): Promise<string> {
    const logPanel = await this.page
      .getByText('Log Panel')
      .locator('xpath=ancestor::*[3]')
      .innerText({ timeout: 1_000 })
      .catch(() => '(no log panel)');
    const last = await this.botMessages()
      .last()
      .innerText({ timeout: 1_000 })
      .catch(() => '(no bot message)');
    return [
      `--- last bot message ---\n${last}`,
      `--- playground log panel ---\n${logPanel.slice(-4_000)}`,
      `--- page problems ---\n${this.problems.join('\n') || '(none)'}`,
      this.extraDiagnostics(),
    ]
      .filter(Boolean)
      .join('\n');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
