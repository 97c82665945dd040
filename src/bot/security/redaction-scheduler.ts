import type { Logger } from '../../log/logger';
import type { Storage } from '../../storage/storage';
import { dueRedactionKeys, readRedaction, redactionKey, saveRedaction, type PendingRedaction } from '../../state/redaction-store';

export interface RedactionScheduler {
  /** Persists the redaction, arms a timer for it, and answers when it is due. */
  schedule(pending: Omit<PendingRedaction, 'dueAt' | 'attempts'>): Promise<Date>;
  /**
   * Runs overdue redactions (left by a stopped instance) in the background, then sweeps
   * periodically. Does not wait: start-up must not hang on an unreachable connector.
   */
  start(): void;
  /** Stops the timers and waits for a running sweep. */
  stop(): Promise<void>;
  /** Runs every due redaction now; answers how many were completed. */
  sweep(): Promise<number>;
}

export interface RedactionSchedulerOptions {
  storage: Storage;
  logger: Logger;
  now: () => Date;
  /** How long a revealed card stays (config.elevation.revealSeconds). */
  revealSeconds: number;
  /** Replaces the revealed card; throws on failure (`statusCode` 403/404: the card is gone for good). */
  redact: (pending: PendingRedaction) => Promise<void>;
  /** Safety-net sweep interval (default 30 s): catches timers lost to a restart or a failed attempt. */
  sweepIntervalMs?: number;
  /** Failed attempts before giving up on one card (default 5). */
  maxAttempts?: number;
}

/** Conversation gone, bot removed, message deleted: trying again will not help. */
const PERMANENT = new Set([400, 403, 404]);

/**
 * Redaction of revealed passwords that survives a restart: each pending redaction is written to
 * Storage before the password is shown, a timer runs it when due, a periodic sweep and the
 * start-up sweep run whatever a stopped instance left. Several instances may race on one
 * redaction; replacing a card twice with the same redacted card is harmless.
 */
export function createRedactionScheduler(options: RedactionSchedulerOptions): RedactionScheduler {
  const maxAttempts = options.maxAttempts ?? 5;
  const timers = new Set<NodeJS.Timeout>();
  let interval: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  async function runOne(key: string): Promise<boolean> {
    const pending = await readRedaction(options.storage, key);
    if (!pending) {
      await options.storage.delete(key);
      return false;
    }
    try {
      await options.redact(pending);
      await options.storage.delete(key);
      options.logger.info({ activityId: pending.activityId, deviceName: pending.deviceName }, 'revealed elevation details redacted');
      return true;
    } catch (err) {
      const status = err && typeof err === 'object' ? (err as { statusCode?: unknown }).statusCode : undefined;
      const attempts = pending.attempts + 1;
      const giveUp = (typeof status === 'number' && PERMANENT.has(status)) || attempts >= maxAttempts;
      options.logger.warn(
        { activityId: pending.activityId, status: typeof status === 'number' ? status : undefined, attempts, giveUp },
        'redacting revealed elevation details failed',
      );
      if (giveUp) await options.storage.delete(key);
      else await saveRedaction(options.storage, key, { ...pending, attempts });
      return false;
    }
  }

  async function sweepOnce(): Promise<number> {
    let done = 0;
    for (const key of await dueRedactionKeys(options.storage, options.now())) {
      if (stopped) break;
      if (await runOne(key)) done += 1;
    }
    return done;
  }

  // One sweep at a time; a sweep asked for while one runs runs once more right after.
  function sweep(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await sweepOnce();
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  function background(): void {
    sweep().catch((err: unknown) => options.logger.error({ err }, 'redaction sweep failed'));
  }

  function arm(delayMs: number): void {
    if (stopped) return;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        background();
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    timers.add(timer);
  }

  return {
    async schedule(pending) {
      const now = options.now();
      const dueAt = new Date(now.getTime() + options.revealSeconds * 1000);
      await saveRedaction(options.storage, redactionKey(dueAt), { ...pending, dueAt: dueAt.toISOString(), attempts: 0 });
      // A little after due, so the sweep's clock agrees that it is due.
      arm(dueAt.getTime() - now.getTime() + 50);
      return dueAt;
    },
    start() {
      stopped = false;
      background();
      interval = setInterval(background, options.sweepIntervalMs ?? 30_000);
      interval.unref();
    },
    async stop() {
      stopped = true;
      if (interval) clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await running?.catch(() => undefined);
    },
    sweep,
  };
}
