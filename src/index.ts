import 'dotenv/config';
import { loadConfigOrExit } from './config/load-or-exit';

/** Production entry: read the configuration once, start, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  // Loaded after the configuration is read: a configuration error is told without loading the SDKs.
  const { startApp } = await import('./app');
  const app = await startApp(config);
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
