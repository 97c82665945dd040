import 'dotenv/config';
import { startApp } from './app';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/config';

/** Production entry: read the configuration once, start, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
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
