import { viewerNow } from '../cards/local-time';
import { telemetry } from '../telemetry/telemetry';
import type { AdaptiveCard } from '../cards/render';
import { ticketChangeCard } from '../cards/ticket-change-card';
import { ticketDigestCard } from '../cards/ticket-digest-card';
import type { SettingsStore } from './conversation-settings';
import type { MessageStore } from './message-store';
import type { NotifyEvent } from './notify-event';
import { digestEventId } from './notify-event';
import { silentLog, type NotifyLog } from './notify-log';
import type { NotifyTarget } from './notify-target';
import type { Outbox } from './outbox';
import { holdsChanges, releaseAt } from './quiet-hours';
import type { RateLimiter } from './rate-limiter';
import { DeliveryError, type Sender, type SendOptions } from './sender';
import type { SubscriptionStore } from './subscription-store';

export interface DeliveryDeps {
  outbox: Outbox;
  subscriptions: SubscriptionStore;
  settings: SettingsStore;
  messages: MessageStore;
  sender: Sender;
  limiter: RateLimiter;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  log?: NotifyLog;
  /** Sends in flight at once (the limiter keeps them within Teams' limits). Default 8. */
  concurrency?: number;
  /** Tries per send on 429/412/5xx before the subscriber is left for the next round. Default 6. */
  maxAttempts?: number;
  /**
   * The ticket card to put in place of one the bot showed earlier in that conversation; the bot
   * provides it (it owns the ticket card). Absent: no refresh in place.
   */
  refreshCard?: (event: NotifyEvent & { kind: 'change' }, conversationKey: string) => Promise<AdaptiveCard | undefined>;
}

export interface DeliveryReport {
  sent: number;
  held: number;
  dropped: number;
  failed: number;
  /** Left pending after the retries ran out; tried again next round. */
  deferred: number;
}

const MAX_BACKOFF_MS = 60_000;

/**
 * Sends what the outbox holds. Per event and subscriber: the delivery record is checked first
 * (dedupe), then the target looked up, quiet hours applied, the send booked with the rate
 * limiter and retried on throttling, and the record written after the send succeeded. The
 * only window for a duplicate is a crash between the platform accepting a send and that
 * record being written (one send per crash at most).
 */
export class Delivery {
  private readonly log: NotifyLog;
  private readonly random: () => number;

  constructor(private readonly deps: DeliveryDeps) {
    this.log = deps.log ?? silentLog;
    this.random = deps.random ?? Math.random;
  }

  /** Turns held changes whose window has opened into one digest event per conversation. */
  async releaseHeld(): Promise<number> {
    const { outbox, settings, now } = this.deps;
    let released = 0;
    for (const [conversation, held] of await outbox.held()) {
      const oldest = held.reduce((min, h) => (h.change.at < min ? h.change.at : min), held[0]!.change.at);
      if (now() < releaseAt(new Date(oldest), await settings.get(conversation))) continue;
      const sorted = [...held].sort((a, b) => a.change.at.localeCompare(b.change.at));
      // Deterministic id: a crash after writing it and before releasing the held items makes
      // the next round find the same digest already in the outbox.
      await outbox.write({
        kind: 'digest',
        id: digestEventId(
          conversation,
          sorted.map((h) => h.change.eventId),
        ),
        at: now().toISOString(),
        subscribers: [conversation],
        items: sorted.map(({ change }) => ({ ticket: change.ticket, changes: change.changes, at: change.at })),
      });
      for (const { key } of held) await outbox.release(key);
      released += 1;
    }
    return released;
  }

  /** Delivers every pending event (oldest first). `shouldStop` is checked between sends. */
  async deliverPending(shouldStop: () => boolean = () => false): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, held: 0, dropped: 0, failed: 0, deferred: 0 };
    for (const event of await this.deps.outbox.pending()) {
      if (shouldStop()) break;
      await this.deliverEvent(event, report, shouldStop);
    }
    return report;
  }

  private async deliverEvent(event: NotifyEvent, report: DeliveryReport, shouldStop: () => boolean): Promise<void> {
    const done = await this.deps.outbox.recorded(event.id);
    const queue = event.subscribers.filter((c) => !done.has(c));
    let finished = event.subscribers.length - queue.length;
    let broken = false;
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined && !broken; next = queue.shift()) {
        if (shouldStop()) return;
        try {
          if (await this.deliverOne(event, next, report)) finished += 1;
        } catch (err) {
          broken = true;
          throw err;
        }
      }
    };
    const workers = Math.max(1, Math.min(this.deps.concurrency ?? 8, queue.length));
    // Settle every worker before giving up: none may keep sending after the round has failed.
    const results = await Promise.allSettled(Array.from({ length: workers }, worker));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    if (finished === event.subscribers.length) await this.deps.outbox.complete(event.id);
  }

  /** True when the subscriber has a final record for this event. */
  private async deliverOne(event: NotifyEvent, conversation: string, report: DeliveryReport): Promise<boolean> {
    const { outbox, subscriptions, settings, messages, now } = this.deps;
    if (await outbox.record(event.id, conversation)) return true;
    const ticketId = event.kind === 'change' ? event.ticket.id : undefined;
    const target = await subscriptions.getTarget(conversation, ticketId);
    if (!target) {
      await outbox.mark(event.id, conversation, { state: 'dropped', at: now().toISOString() });
      report.dropped += 1;
      return true;
    }
    const where = await settings.get(conversation);
    if (event.kind === 'change' && holdsChanges(now(), where)) {
      await outbox.hold(conversation, { eventId: event.id, at: event.at, ticket: event.ticket, changes: event.changes });
      await outbox.mark(event.id, conversation, { state: 'held', at: now().toISOString() });
      report.held += 1;
      return true;
    }
    const options: SendOptions = { dedupeKey: `${event.id}/${conversation}` };
    // Times in the zone this conversation's notify settings were made in (UTC when never set).
    const zoned = viewerNow(now(), { timeZone: where.timeZone, offsetMinutes: where.utcOffsetMinutes });
    let card: AdaptiveCard;
    if (event.kind === 'change') {
      card = ticketChangeCard({ ticket: event.ticket, changes: event.changes, now: zoned });
      if (target.kind === 'channel') {
        const root = await messages.threadRoot(conversation, event.ticket.id);
        if (root) options.replyToId = root;
      }
    } else {
      card = ticketDigestCard({ items: event.items, now: zoned });
    }
    const result = await this.sendWithRetry(target, card, options);
    if (result.outcome === 'deferred') {
      report.deferred += 1;
      return false;
    }
    if (result.outcome !== 'sent') {
      if (result.outcome === 'stop') {
        await subscriptions.dropConversation(conversation);
        this.log.warn({ conversation, code: result.code }, 'notify: conversation dropped on a stop answer');
        report.dropped += 1;
      } else {
        this.log.error({ conversation, eventId: event.id, status: result.status, code: result.code }, 'notify: send refused');
        report.failed += 1;
      }
      await outbox.mark(event.id, conversation, { state: result.outcome === 'stop' ? 'dropped' : 'failed', at: now().toISOString() });
      return true;
    }
    await outbox.mark(event.id, conversation, { state: 'delivered', at: now().toISOString(), activityId: result.activityId });
    report.sent += 1;
    if (event.kind === 'change') telemetry().notificationLag(now().getTime() - Date.parse(event.at));
    if (event.kind === 'change') await this.afterChangeSent(event, target, result.activityId, options);
    return true;
  }

  private async afterChangeSent(event: NotifyEvent & { kind: 'change' }, target: NotifyTarget, activityId: string, options: SendOptions) {
    const { messages } = this.deps;
    if (target.kind === 'channel' && !options.replyToId) await messages.setThreadRoot(target.key, event.ticket.id, activityId);
    const shown = this.deps.refreshCard ? await messages.shownCard(target.key, event.ticket.id) : undefined;
    if (!shown || !this.deps.refreshCard) return;
    const card = await this.deps.refreshCard(event, target.key);
    if (!card) return;
    // Best effort: the notification itself went out; a stale card is no reason to resend it.
    const result = await this.sendWithRetry(target, card, { updateActivityId: shown });
    if (result.outcome !== 'sent') await messages.forgetShownCard(target.key, event.ticket.id);
  }

  private async sendWithRetry(
    target: NotifyTarget,
    card: AdaptiveCard,
    options: SendOptions,
  ): Promise<
    { outcome: 'sent'; activityId: string } | { outcome: 'stop' | 'fatal'; status?: number; code?: string } | { outcome: 'deferred' }
  > {
    const { sender, limiter, sleep } = this.deps;
    const maxAttempts = this.deps.maxAttempts ?? 6;
    for (let attempt = 1; ; attempt++) {
      // Booked by the clock, checked and recorded when the send really leaves.
      const wait = limiter.reserve(target.key);
      if (wait > 0) await sleep(wait);
      for (let more = limiter.depart(target.key); more > 0; more = limiter.depart(target.key)) await sleep(more);
      try {
        const { activityId } = await sender.send(target, card, options);
        return { outcome: 'sent', activityId };
      } catch (err) {
        // Anything but a DeliveryError is a bug or a crash: let it end the round; the
        // outbox keeps the subscriber pending.
        if (!(err instanceof DeliveryError)) throw err;
        if (err.kind === 'stop' || err.kind === 'fatal') return { outcome: err.kind, status: err.status, code: err.code };
        if (attempt >= maxAttempts) {
          this.log.warn({ conversation: target.key, status: err.status, attempts: attempt }, 'notify: send deferred to the next round');
          return { outcome: 'deferred' };
        }
        await sleep(err.retryAfterMs ?? this.backoff(attempt));
      }
    }
  }

  /** Exponential back-off with jitter: 1 s, 2 s, 4 s ... capped, each between half and all of it. */
  private backoff(attempt: number): number {
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1));
    return Math.round(base / 2 + (this.random() * base) / 2);
  }
}
