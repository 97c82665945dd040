import 'dotenv/config';
import { startApp, type RunningApp } from '../src/app';
import { loadConfigOrExit } from '../src/config/load-or-exit';
import { startPlayground, type RunningPlayground } from './playground';

/** The Playground's usual port; it moves to a free one by itself when this one is taken. */
const DEFAULT_PLAYGROUND_PORT = 56150;

/**
 * `npm run dev`: the bot (sandbox mode unless MMD_API_BASE_URL is set) plus the Microsoft 365
 * Agents Playground, a Teams look-alike chat in the browser, pointed at it. Ctrl-C stops both.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  if (config.bot.appId) {
    console.warn(
      'MicrosoftAppId is set: the bot will demand Bot Framework tokens, which the Playground does not send. ' +
        'Unset MicrosoftAppId (and MicrosoftAppPassword) in .env to chat with it locally.',
    );
  }

  const running: { app?: RunningApp; playground?: RunningPlayground } = {};
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping (${reason})...`);
    await Promise.allSettled([running.playground?.stop(), running.app?.stop()]);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(130); // A second Ctrl-C: do not wait any longer.
      void shutdown(signal, 0);
    });
  }

  // Loopback only: with no app id, inbound auth is off and anyone who can reach the port could
  // talk to the bot.
  const app = (running.app = await startApp(config, { host: '127.0.0.1', playground: true }));
  const botUrl = `http://127.0.0.1:${app.port}/api/messages`;
  const port = Number(process.env.PLAYGROUND_PORT ?? DEFAULT_PLAYGROUND_PORT);
  let playground: RunningPlayground;
  try {
    playground = running.playground = await startPlayground({ botUrl, port });
  } catch (err) {
    await app.stop();
    throw err;
  }
  void playground.exited.then((code) => {
    if (stopping) return;
    console.error(`The Agents Playground stopped unexpectedly (exit code ${code}).\n${playground.output()}`);
    void shutdown('the Playground exited', 1);
  });

  const moved = playground.port !== port ? ` (port ${port} was taken)` : '';
  const lines = [
    '',
    `MMD Assist is running in ${app.mode} mode. Open http://localhost:${playground.port} to chat with it.${moved}`,
    `  bot:      ${botUrl} (health: http://127.0.0.1:${app.port}/healthz)`,
  ];
  if (app.emulator) lines.push(`  MMD API:  ${app.emulator.url} (built-in emulator with sample data)`);
  lines.push('  Type "help" in the Personal Chat. Ctrl-C stops everything.', '');
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error('npm run dev failed:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
