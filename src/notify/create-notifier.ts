import type { AppConfig, StorageConfig } from '../config/config';
import type { AdaptiveCard } from '../cards/render';
import type { MmdClient } from '../mmd/mmd-client';
import type { Storage } from '../storage/storage';
import { SettingsStore } from './conversation-settings';
import { Delivery } from './delivery';
import { LocalLease, StorageLease, type Lease } from './lease';
import { MessageStore } from './message-store';
import type { NotifyEvent } from './notify-event';
import type { NotifyLog } from './notify-log';
import { startNotifier, type RunningNotifier } from './notifier';
import { Outbox } from './outbox';
import { Poller } from './poller';
import { RateLimiter, teamsLimits } from './rate-limiter';
import type { Sender } from './sender';
import { SubscriptionStore } from './subscription-store';

/** A blob lease lasts 15 to 60 s; 30 s keeps a takeover quick and renewals rare (every 10 s). */
const LEASE_SECONDS = 30;

export interface NotifierParts {
  subscriptions: SubscriptionStore;
  settings: SettingsStore;
  messages: MessageStore;
  outbox: Outbox;
  notifier: RunningNotifier;
}

export interface CreateNotifierOptions {
  config: Pick<AppConfig, 'notify' | 'storage'>;
  storage: Storage;
  mmd: Pick<MmdClient, 'tickets'>;
  sender: Sender;
  log: NotifyLog;
  refreshCard?: (event: NotifyEvent & { kind: 'change' }, conversationKey: string) => Promise<AdaptiveCard | undefined>;
  onLeaseCheck?: (problem: string | null) => void;
}

/**
 * Builds and starts the notifier for app.ts: the stores the bot's handlers use (subscribe,
 * settings, shown cards) and the leader loop. With Azure Blob storage the leader is chosen by
 * a blob lease in the same container, with SQLite by a lease record in the file (every process on
 * the data folder shares it); memory storage is one instance by nature.
 */
export async function createNotifier(options: CreateNotifierOptions): Promise<NotifierParts> {
  const { config, storage, mmd, sender, log } = options;
  const subscriptions = new SubscriptionStore(storage);
  const settings = new SettingsStore(storage);
  const messages = new MessageStore(storage);
  const outbox = new Outbox(storage);
  const lease = await leaseFor(config.storage, storage);
  const poller = new Poller({ mmd, storage, subscriptions, outbox, now: () => new Date(), log, notesPerPoll: config.notify.notesPerPoll });
  const delivery = new Delivery({
    outbox,
    subscriptions,
    settings,
    messages,
    sender,
    limiter: new RateLimiter(teamsLimits(config.notify.maxPerSecond)),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log,
    refreshCard: options.refreshCard,
  });
  const notifier = startNotifier({
    lease,
    poller,
    delivery,
    pollSeconds: config.notify.pollSeconds,
    // A third of the lease keeps it; a poll period shorter than that needs ticks as often.
    renewEveryMs: Math.min((LEASE_SECONDS * 1000) / 3, (config.notify.pollSeconds * 1000) / 2),
    log,
    onLeaseCheck: options.onLeaseCheck,
  });
  return { subscriptions, settings, messages, outbox, notifier };
}

/** Who leads the notifier: a blob lease, a lease record in the SQLite file, or this process alone. */
async function leaseFor(where: StorageConfig, storage: Storage): Promise<Lease> {
  switch (where.kind) {
    case 'azure-blob': {
      // Like the blob store itself (create-storage.ts), loaded only when the blob store is used.
      const { BlobLease } = await import('../storage/blob-lease');
      return new BlobLease({
        connectionString: where.connectionString,
        container: where.container,
        name: 'locks/notify-leader',
        durationSeconds: LEASE_SECONDS,
      });
    }
    case 'sqlite':
      // Every process on the same data folder shares the file: one of them leads.
      return new StorageLease(storage, { durationMs: LEASE_SECONDS * 1000 });
    default:
      return new LocalLease();
  }
}
