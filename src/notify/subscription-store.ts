import type { Storage } from '../storage/storage';
import { targetFromLegacyReference } from './legacy-reference';
import { lastSegment, notifyKeys as keys } from './notify-keys';
import type { NotifyTarget } from './notify-target';
import type { SubscriptionFilter } from './subscription-filter';

/** The record under subscriptions/<ticket>/<conversation>. `reference` only in legacy records. */
interface SubscriptionRecord {
  ticketId: string;
  conversationKey?: string;
  subscribedBy: string;
  at: string;
  reference?: unknown;
}

/**
 * Who follows what, both ways: per ticket (the poller's fan-out) and per conversation (the
 * `subscriptions` card). Also the conversation's target (where to send) and its subscribe-all
 * filter. Every write is an idempotent put, so a retried command does no harm.
 */
export class SubscriptionStore {
  constructor(private readonly storage: Storage) {}

  /**
   * `noteIds`: the ticket's notes as they are now. When nobody followed the ticket yet they
   * become its notes baseline, so every note after this moment is announced (the poller's
   * first fetch would otherwise swallow what came in between). Without them the poller counts
   * notes written since `at` as news.
   */
  async subscribe(ticketId: string, target: NotifyTarget, subscribedBy: string, at: Date, noteIds?: readonly string[]): Promise<void> {
    await this.saveTarget(target);
    const others = (await this.subscribersOf(ticketId)).filter((key) => key !== target.key);
    if (others.length === 0) {
      // Someone followed it before and left: what was seen then is no baseline for now.
      if (noteIds) await this.storage.set(keys.notes(ticketId), { ids: [...noteIds], checkedAt: at.toISOString() });
      else await this.storage.delete(keys.notes(ticketId));
    }
    // The per-conversation index first: a crash in between leaves an entry the card can show
    // and remove, never a fan-out the card cannot see.
    await this.storage.set(keys.following(target.key, ticketId), { ticketId, at: at.toISOString() });
    const record: SubscriptionRecord = { ticketId, conversationKey: target.key, subscribedBy, at: at.toISOString() };
    await this.storage.set(keys.subscription(ticketId, target.key), record);
  }

  async unsubscribe(ticketId: string, conversationKey: string): Promise<boolean> {
    const existed = (await this.storage.get(keys.subscription(ticketId, conversationKey))) !== undefined;
    await this.storage.delete(keys.subscription(ticketId, conversationKey));
    await this.storage.delete(keys.following(conversationKey, ticketId));
    return existed;
  }

  async isSubscribed(ticketId: string, conversationKey: string): Promise<boolean> {
    return (await this.storage.get(keys.subscription(ticketId, conversationKey))) !== undefined;
  }

  /** Conversation keys subscribed to one ticket. */
  async subscribersOf(ticketId: string): Promise<string[]> {
    return (await this.storage.list(keys.subscriptionsOf(ticketId))).map(lastSegment);
  }

  /** When each current subscription of a ticket was made (ISO times). */
  async followedSince(ticketId: string): Promise<string[]> {
    const times: string[] = [];
    for (const key of await this.storage.list(keys.subscriptionsOf(ticketId))) {
      const at = (await this.storage.get<SubscriptionRecord>(key))?.value.at;
      if (at) times.push(at);
    }
    return times;
  }

  /** Ticket ids one conversation follows, for the `subscriptions` card. */
  async ticketsOf(conversationKey: string): Promise<string[]> {
    return (await this.storage.list(keys.followingOf(conversationKey))).map(lastSegment);
  }

  /** Every ticket id with at least one subscriber (keys only: no record is read). */
  async followedTickets(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const key of await this.storage.list(keys.allSubscriptions)) {
      const rest = key.slice(keys.allSubscriptions.length);
      ids.add(decodeURIComponent(rest.slice(0, rest.indexOf('/'))));
    }
    return ids;
  }

  async setFilter(conversationKey: string, filter: SubscriptionFilter | null): Promise<void> {
    if (filter === null) await this.storage.delete(keys.filter(conversationKey));
    else await this.storage.set(keys.filter(conversationKey), filter);
  }

  async getFilter(conversationKey: string): Promise<SubscriptionFilter | undefined> {
    return (await this.storage.get<SubscriptionFilter>(keys.filter(conversationKey)))?.value;
  }

  /** Every conversation's subscribe-all filter (few: channels and group chats that asked). */
  async filters(): Promise<Array<{ conversationKey: string; filter: SubscriptionFilter }>> {
    const found: Array<{ conversationKey: string; filter: SubscriptionFilter }> = [];
    for (const key of await this.storage.list(keys.allFilters)) {
      const item = await this.storage.get<SubscriptionFilter>(key);
      if (item) found.push({ conversationKey: lastSegment(key), filter: item.value });
    }
    return found;
  }

  /** Stored on every turn by the Teams layer (and by subscribe): the latest wins. */
  async saveTarget(target: NotifyTarget): Promise<void> {
    await this.storage.set(keys.target(target.key), target);
  }

  /**
   * Where to send for a conversation; falls back to the raw reference of a legacy subscription
   * record when `ticketId` is given and no target was stored yet.
   */
  async getTarget(conversationKey: string, ticketId?: string): Promise<NotifyTarget | undefined> {
    const stored = await this.storage.get<NotifyTarget>(keys.target(conversationKey));
    if (stored) return stored.value;
    if (ticketId === undefined) return undefined;
    const legacy = await this.storage.get<SubscriptionRecord>(keys.subscription(ticketId, conversationKey));
    return legacy?.value.reference === undefined ? undefined : targetFromLegacyReference(conversationKey, legacy.value.reference);
  }

  /**
   * Brings records of the first subscribe handler (raw botbuilder reference inside, no
   * per-conversation index) to the current layout: a stored target, the index entry and a
   * record without the reference. Safe to run on every start; returns how many it moved.
   */
  async migrateLegacy(): Promise<number> {
    let moved = 0;
    for (const key of await this.storage.list(keys.allSubscriptions)) {
      const item = await this.storage.get<SubscriptionRecord>(key);
      if (!item || item.value.reference === undefined) continue;
      const conversationKey = lastSegment(key);
      const { ticketId, subscribedBy, at } = item.value;
      const target = targetFromLegacyReference(conversationKey, item.value.reference);
      if (target && !(await this.storage.get(keys.target(conversationKey)))) await this.saveTarget(target);
      await this.storage.set(keys.following(conversationKey, ticketId), { ticketId, at });
      const record: SubscriptionRecord = { ticketId, conversationKey, subscribedBy, at };
      await this.storage.set(key, record);
      moved += 1;
    }
    return moved;
  }

  /**
   * Forgets a conversation (uninstall, or a "stop" answer from Teams): its target, every
   * subscription, its filter, settings, thread roots and shown cards. Held digest items stay
   * until the digest step finds no target and discards them.
   */
  async dropConversation(conversationKey: string): Promise<void> {
    for (const ticketId of await this.ticketsOf(conversationKey)) await this.unsubscribe(ticketId, conversationKey);
    for (const prefix of [keys.threadsOf(conversationKey), keys.shownOf(conversationKey)]) {
      for (const key of await this.storage.list(prefix)) await this.storage.delete(key);
    }
    await this.storage.delete(keys.filter(conversationKey));
    await this.storage.delete(keys.settings(conversationKey));
    await this.storage.delete(keys.target(conversationKey));
  }
}
