import type { Delivery } from './delivery';
import type { Lease } from './lease';
import { silentLog, type NotifyLog } from './notify-log';
import type { Poller } from './poller';

export interface NotifierOptions {
  lease: Lease;
  poller: Poller;
  delivery: Delivery;
  /** NOTIFY_POLL_SECONDS. */
  pollSeconds: number;
  /** How often the lease is taken or renewed: well inside its period (a third of it). */
  renewEveryMs: number;
  now?: () => number;
  log?: NotifyLog;
  /** Each lease check: null when it could be checked, else why not (/healthz shows it). */
  onLeaseCheck?: (problem: string | null) => void;
}

export interface RunningNotifier {
  /** Whether this instance leads (polls and delivers) right now. */
  isLeader(): boolean;
  /**
   * One round now (tests, the sandbox, a "check now" command): release digests, poll, deliver.
   * False, doing nothing, when another instance leads.
   */
  runOnce(): Promise<boolean>;
  /** Stops the timers, waits for a round in progress and gives the lease up. */
  stop(): Promise<void>;
}

/**
 * The notifier's heartbeat: renews the lease on its own timer (a slow poll must not cost the
 * lease) and, while leading, runs a round every `pollSeconds`. The first round after becoming
 * leader comes at once, so what a dead leader left in the outbox goes out without delay.
 */
export function startNotifier(options: NotifierOptions): RunningNotifier {
  const log = options.log ?? silentLog;
  const now = options.now ?? Date.now;
  let leader = false;
  let stopped = false;
  let lastRound = Number.NEGATIVE_INFINITY;
  let round: Promise<void> | undefined;
  // Aborted by stop(), so a poll waiting on a slow or hanging API does not hold the shutdown.
  const stopping = new AbortController();

  const runRound = async (): Promise<void> => {
    await options.delivery.releaseHeld();
    await options.poller.poll(stopping.signal);
    await options.delivery.deliverPending(() => stopped || !leader);
  };

  /** Waits until no round runs (a failed round counts as finished; it was logged). */
  const idle = async (): Promise<void> => {
    while (round) await round.catch(() => undefined);
  };

  /** Starts a round; callers make sure none is running. The single place `round` is set. */
  const startRound = (): Promise<void> => {
    lastRound = now();
    round = runRound().finally(() => {
      round = undefined;
    });
    return round;
  };

  let firstCheck = true;
  const tick = async (): Promise<void> => {
    try {
      const was = leader;
      leader = await options.lease.tryAcquire();
      if (leader !== was) log.info({ leader }, leader ? 'notify: this instance leads' : 'notify: leadership lost');
      if (firstCheck && !leader) {
        const holder = (await options.lease.heldBy?.()) ?? 'another instance';
        log.warn(
          { holder },
          `notify: ${holder} already sends the notifications for this storage (the same data folder or container); this one sends none while it runs and takes over if it stops`,
        );
      }
      firstCheck = false;
      if (!was && leader) lastRound = Number.NEGATIVE_INFINITY;
      options.onLeaseCheck?.(null);
    } catch (err) {
      leader = false;
      options.onLeaseCheck?.(err instanceof Error ? err.message : String(err));
      log.warn({ err }, 'notify: lease check failed');
    }
    if (!leader || stopped || round || now() - lastRound < options.pollSeconds * 1000) return;
    startRound().catch((err: unknown) => log.error({ err }, 'notify: round failed'));
  };

  const timer = setInterval(() => void tick(), options.renewEveryMs);
  timer.unref();
  void tick();

  return {
    isLeader: () => leader,
    async runOnce() {
      // Never two rounds at once, and never on an instance that does not lead.
      await idle();
      if (!(await options.lease.tryAcquire())) return false;
      leader = true;
      await idle();
      await startRound();
      return true;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      stopping.abort();
      // A round cut short is no worse than a crash (the outbox and dedupe records make the next
      // leader finish it), so shutdown waits a few seconds for it, not for a hanging API.
      let waited: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = await Promise.race([
        idle().then(() => false),
        new Promise<boolean>((resolve) => {
          waited = setTimeout(() => resolve(true), 3000);
        }),
      ]);
      clearTimeout(waited);
      if (gaveUp) log.warn({}, 'notify: stopped without waiting for the round in flight (the next leader finishes it)');
      leader = false;
      await options.lease.release();
    },
  };
}
