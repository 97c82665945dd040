import 'dotenv/config';
import { startApp } from './app';
import { loadConfigOrExit } from './config/load-or-exit';

/** Production entry: read the configuration once, start, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const app = await startApp(loadConfigOrExit(process.env));
  const shutdown = (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    app
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        app.logger.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('MMD Assist failed to start:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
