import type { Logger } from '../log/logger';
import { shortReason, type HealthState } from './health-state';

/**
 * Reads one key from storage every `intervalMs`, so /healthz names storage
 * when it stops answering. `read` is the storage's get; a read slower than `timeoutMs` counts as failed.
 */
export function startStorageProbe(options: {
  read: () => Promise<unknown>;
  health: HealthState;
  logger: Logger;
  intervalMs?: number;
  timeoutMs?: number;
}): { stop(): void } {
  const { health, logger } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let running = false;
  const probe = async (): Promise<void> => {
    if (running) return;
    running = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        options.read(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (health.recover('storage')) logger.info({ dependency: 'storage' }, 'storage answers again');
    } catch (err) {
      const reason = shortReason(err);
      if (health.fail('storage', reason))
        logger.error({ dependency: 'storage' }, `storage is not answering (check STORAGE and its connection): ${reason}`);
    } finally {
      clearTimeout(timer);
      running = false;
    }
  };
  const interval = setInterval(() => void probe(), options.intervalMs ?? 60_000);
  interval.unref();
  return { stop: () => clearInterval(interval) };
}
