/**
 * The bot process of the crash test (notify-crash.test.ts): the real app (sandbox mode, SQLite
 * storage from STORAGE) started as `npm start` would, bundled by the test with esbuild. It
 * prints "ready" once listening, then leads and delivers what the outbox holds.
 */
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';

async function main(): Promise<void> {
  const app = await startApp(loadConfig(process.env), { host: '127.0.0.1' });
  process.stdout.write(`ready ${app.port}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
