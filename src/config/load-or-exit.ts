import { ConfigError } from './config-error';
import { loadConfig, type AppConfig } from './config';

/** For entry points: the configuration, or one line naming the bad variable and exit code 2. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
