/**
 * MMD Assist as the bench runs it: the real composition root (src/app.ts startApp) with the
 * configuration read from the environment the bench sets (the emulator's URL in MMD_API_BASE_URL,
 * so the emulator's CPU is not counted as the bot's), plus the bench's IPC hooks.
 */
import { startApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { installIpcHooks } from './ipc-hooks';

async function main(): Promise<void> {
  const app = await startApp(loadConfig(process.env), { host: '127.0.0.1' });
  installIpcHooks({ port: app.port });
}

main().catch((err: unknown) => {
  console.error('MMD Assist (bench) failed to start:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
