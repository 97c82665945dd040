import { z } from 'zod';
import type { Logger } from '../log/logger';
import type { Storage } from '../storage/storage';
import { FORM_MAX_AGE_MS } from './form-claim';
import { formIssuedAt } from './form-id';
import { REVEALABLE_PREFIX, revealableSentAt } from './revealable-cards';
import { SIGN_IN_PREFIX, signInRecordExpiresAt } from './sign-in-store';

/*
 * Done form claims and revealable-card records would otherwise be kept for ever (with
 * STORAGE=memory: heap that only grows). A done claim goes FORM_MAX_AGE_MS after it finished:
 * by then its form is too old to be accepted (form-claim.ts), so no resubmit can miss it.
 * Pending and "unknown" claims stay: a resubmit settles them by asking the service. Claims of
 * forms whose age is unknown (ids issued before version-7 form ids) stay too. MMD_AUTH=user
 * sign-in records (a command kept for after sign-in, token exchange claims) go when they can no
 * longer be used (sign-in-store.ts).
 */

const doneSchema = z.object({ state: z.literal('done'), finishedAt: z.string() });

export interface ClaimSweeperOptions {
  storage: Storage;
  now: () => Date;
  log: Pick<Logger, 'info' | 'warn'>;
  /** How long after it finished a done claim is kept (default FORM_MAX_AGE_MS). */
  ttlMs?: number;
  /** How often to sweep (default hourly). */
  intervalMs?: number;
}

export interface ClaimSweeper {
  /** Deletes what has expired; answers how many records went. */
  sweep(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createClaimSweeper(options: ClaimSweeperOptions): ClaimSweeper {
  const ttlMs = options.ttlMs ?? FORM_MAX_AGE_MS;
  let interval: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function expired(key: string, cutoff: number): Promise<boolean> {
    const value = (await options.storage.get<unknown>(key))?.value;
    if (key.startsWith(`${SIGN_IN_PREFIX}/`)) {
      const expiresAt = signInRecordExpiresAt(key, value);
      return expiresAt !== undefined && expiresAt < options.now().getTime();
    }
    if (key.startsWith(`${REVEALABLE_PREFIX}/`)) {
      const sentAt = revealableSentAt(value);
      return sentAt === undefined || sentAt.getTime() < cutoff;
    }
    const done = doneSchema.safeParse(value);
    if (!done.success || !formIssuedAt(key.slice('forms/'.length))) return false;
    return Date.parse(done.data.finishedAt) < cutoff;
  }

  async function sweepOnce(): Promise<number> {
    const cutoff = options.now().getTime() - ttlMs;
    let removed = 0;
    for (const prefix of ['forms/', `${REVEALABLE_PREFIX}/`, `${SIGN_IN_PREFIX}/`]) {
      for (const key of await options.storage.list(prefix)) {
        if (await expired(key, cutoff)) {
          await options.storage.delete(key);
          removed += 1;
        }
      }
    }
    if (removed > 0) options.log.info({ removed }, 'expired form claims and card records swept');
    return removed;
  }

  const sweep = () =>
    (running ??= sweepOnce().finally(() => {
      running = undefined;
    }));

  const background = () => {
    sweep().catch((err: unknown) => options.log.warn({ err }, 'claim sweep failed'));
  };

  return {
    sweep,
    start() {
      background();
      interval = setInterval(background, options.intervalMs ?? 60 * 60_000);
      interval.unref();
    },
    async stop() {
      if (interval) clearInterval(interval);
      interval = undefined;
      await running?.catch(() => undefined);
    },
  };
}
