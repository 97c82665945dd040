import type { Browser } from 'playwright-core';
import { describeE2e, launchBrowser } from '../helpers/chromium';
import { startPlayground, type RunningPlayground } from '../helpers/playground';
import { PlaygroundPage } from '../helpers/playground-page';
import { startEchoBot, type RunningEchoBot } from './echo-bot';

jest.setTimeout(60_000);

// The harness itself, against a tiny echo bot: if this fails, the MMD e2e tests cannot pass.
describeE2e('Agents Playground harness (echo bot)', (chromiumPath) => {
  let bot: RunningEchoBot;
  let playground: RunningPlayground;
  let browser: Browser;
  let chat: PlaygroundPage;

  beforeAll(async () => {
    bot = await startEchoBot();
    playground = await startPlayground({ botUrl: bot.url });
    browser = await launchBrowser(chromiumPath);
    chat = await PlaygroundPage.open(browser, playground.url, 'harness');
  });

  afterAll(async () => {
    await chat?.close().catch(() => undefined);
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  test('a message reaches the bot and its card renders', async () => {
    const before = await chat.cardCount();
    await chat.send('hello there');
    const card = await chat.waitForNewCard(before);
    await expect(card.innerText()).resolves.toContain('Echo card: hello there');
    await chat.screenshot('echo-card');
  });

  test('Action.Submit posts the inputs as a message', async () => {
    await chat.fillCardInput('A note', 'submitted text');
    await chat.clickCardButton('Submit it');
    await chat.waitForBotText('Submitted note: submitted text');
  });

  test('Action.Execute replaces the card in place', async () => {
    const before = await chat.cardCount();
    await chat.fillCardInput('A note', 'executed text');
    await chat.clickCardButton('Execute it');
    await chat.waitForCardText('Executed with note: executed text');
    expect(await chat.cardCount()).toBe(before);
    await chat.screenshot('echo-executed');
  });

  test('in a group chat the bot gets messages that @mention it', async () => {
    await chat.openChat('Group Chat');
    const before = await chat.cardCount();
    await chat.send('in the group', { mentionBot: true });
    await expect((await chat.waitForNewCard(before)).innerText()).resolves.toContain('Echo card: in the group');
  });
});
