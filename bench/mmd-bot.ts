/**
 * MMD Assist as the bench runs it: the real composition root (src/app.ts startApp) with the
 * configuration read from the environment the bench sets (the emulator's URL in MMD_API_BASE_URL,
 * so the emulator's CPU is not counted as the bot's), plus the bench's IPC hooks.
 */
import { startApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import type { Storage } from '../src/storage/storage';
import { installIpcHooks } from './ipc-hooks';

async function main(): Promise<void> {
  const app = await startApp(loadConfig(process.env), { host: '127.0.0.1' });
  installIpcHooks({ port: app.port, storage: () => storageCounts(app.storage) });
}

/** What the bot keeps in storage, per key prefix: the counted side of the memory figures. */
async function storageCounts(storage: Storage): Promise<Record<string, { keys: number; kb: number }>> {
  const counts: Record<string, { keys: number; kb: number }> = {};
  for (const key of await storage.list('')) {
    const prefix = key.split('/')[0] ?? key;
    const item = await storage.get(key);
    const entry = (counts[prefix] ??= { keys: 0, kb: 0 });
    entry.keys++;
    entry.kb += (JSON.stringify(item?.value)?.length ?? 0) / 1024;
  }
  for (const entry of Object.values(counts)) entry.kb = Math.round(entry.kb);
  return counts;
}

main().catch((err: unknown) => {
  console.error('MMD Assist (bench) failed to start:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
