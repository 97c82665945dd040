/**
 * The bot process of the form crash test (form-crash.test.ts): the real app in live mode against
 * the test's emulator, SQLite storage from STORAGE, bundled by the test with esbuild. Each life
 * runs CLOCK_OFFSET_MS ahead of the real clock: the restart "came later", so the claims a killed
 * life left behind are older than the call's timeout, as they would be after a real restart.
 */
import { startApp } from '../../../src/app';
import { loadConfig } from '../../../src/config/config';

async function main(): Promise<void> {
  const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
  const app = await startApp(loadConfig(process.env), { host: '127.0.0.1', now: () => new Date(Date.now() + offset) });
  process.stdout.write(`ready ${app.port}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
