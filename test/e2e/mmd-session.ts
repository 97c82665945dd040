import { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { launchBrowser } from '../helpers/chromium';
import { startPlayground, type RunningPlayground } from '../helpers/playground';
import { PlaygroundPage } from '../helpers/playground-page';

/** A line of the welcome card (cards/welcome.json). */
export const WELCOME_TEXT = 'Type help at any time';

/** The bot's own domain in the shared session (BOT_DOMAIN): its links unfurl as cards. */
export const BOT_DOMAIN = 'mmd-assist.example.com';

/** Generous: a cold Chromium plus the Playground page on a busy 2-core machine. */
export const E2E_TEST_TIMEOUT_MS = 60_000;

export interface E2eSession {
  app: RunningApp;
  playground: RunningPlayground;
  browser: Browser;
  chat: PlaygroundPage;
  /** The bot's log lines (JSON), for failure messages. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * One session handed to the suites of one file in turn: `use(prefix, chat)` names the suite's
 * screenshots and starts it on a cleared chat view ('clear') or on the chat as the last suite left
 * it ('as left': the welcome card is still there). A cleared view keeps the page small, as each
 * suite had it in a session of its own.
 */
export interface SharedSession {
  use(prefix: string, chat: 'clear' | 'as left'): Promise<E2eSession>;
}

/**
 * The real bot in this process (sandbox mode: the built-in MMD emulator, memory storage) on
 * 127.0.0.1, the Agents Playground pointed at it, and a headless Chromium page on the
 * Playground. `prefix` names the screenshots. Stops everything it started, even half-way.
 */
export async function startE2eSession(
  chromiumPath: string,
  prefix: string,
  env: Record<string, string> = {},
  overrides: { playground?: boolean } = {},
): Promise<E2eSession> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const started: { app?: RunningApp; playground?: RunningPlayground; browser?: Browser; chat?: PlaygroundPage } = {};
  const stop = async () => {
    await started.chat?.close().catch(() => undefined);
    await started.browser?.close().catch(() => undefined);
    await started.playground?.stop();
    await started.app?.stop();
  };
  try {
    const config = loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'debug', ...env });
    started.app = await startApp(config, { host: '127.0.0.1', logger: createLogger({ level: 'debug', destination: sink }), ...overrides });
    started.playground = await startPlayground({ botUrl: `${started.app.url}/api/messages` });
    started.browser = await launchBrowser(chromiumPath);
    started.chat = await PlaygroundPage.open(started.browser, started.playground.url, prefix);
    started.chat.extraDiagnostics = () => `--- bot warnings and errors ---\n${botProblems(logs) || '(none)'}`;
    // The Playground installs the app on load and the bot answers with a welcome card; wait for
    // it so a test's "cards before I sent" count cannot be overtaken by a late welcome.
    await started.chat.waitForBotText(WELCOME_TEXT);
    return { ...(started as Required<typeof started>), logs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The bot's last log lines at warn level or above, for a failing test's message. */
function botProblems(logs: string[]): string {
  return logs
    .filter((line) => /"level":(40|50|60)/.test(line))
    .slice(-10)
    .join('');
}
