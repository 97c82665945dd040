import type { Storage } from '../storage/storage';
import { StorageConflictError } from '../storage/storage';
import type { TicketChange } from './diff';
import type { NotifyEvent } from './notify-event';
import { lastSegment, notifyKeys as keys, segmentAfter } from './notify-keys';
import type { TicketSnapshot } from './ticket-snapshot';

/** The final word on one event for one conversation; its presence is the dedupe check. */
export interface DeliveryRecord {
  /** delivered: sent; held: kept for a digest; dropped: the conversation is gone; failed: refused for good. */
  state: 'delivered' | 'held' | 'dropped' | 'failed';
  at: string;
  activityId?: string;
}

export interface HeldChange {
  eventId: string;
  at: string;
  ticket: TicketSnapshot;
  changes: TicketChange[];
}

/**
 * The durable outbox. An event is written (create-only, so writing it twice is harmless)
 * before anything is sent; each subscriber's delivery record is written after its send; an
 * event leaves the outbox when every subscriber has a record. Delivery records stay as the
 * dedupe ledger: a restarted or second instance checks them before sending.
 */
export class Outbox {
  constructor(private readonly storage: Storage) {}

  /** False when an event with that id is already there (or was, and is being delivered). */
  async write(event: NotifyEvent): Promise<boolean> {
    try {
      await this.storage.set(keys.outbox(event.id), event, { ifMatch: null });
      return true;
    } catch (err) {
      if (err instanceof StorageConflictError) return false;
      throw err;
    }
  }

  /** Events not yet delivered to everyone, oldest first. */
  async pending(): Promise<NotifyEvent[]> {
    const events: NotifyEvent[] = [];
    for (const key of await this.storage.list(keys.allOutbox)) {
      const item = await this.storage.get<NotifyEvent>(key);
      if (item) events.push(item.value);
    }
    return events.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  }

  async record(eventId: string, conversationKey: string): Promise<DeliveryRecord | undefined> {
    return (await this.storage.get<DeliveryRecord>(keys.delivery(eventId, conversationKey)))?.value;
  }

  /** Conversations that already have a record for this event. */
  async recorded(eventId: string): Promise<Set<string>> {
    return new Set((await this.storage.list(keys.deliveriesOf(eventId))).map(lastSegment));
  }

  async mark(eventId: string, conversationKey: string, record: DeliveryRecord): Promise<void> {
    await this.storage.set(keys.delivery(eventId, conversationKey), record);
  }

  async complete(eventId: string): Promise<void> {
    await this.storage.delete(keys.outbox(eventId));
  }

  async hold(conversationKey: string, change: HeldChange): Promise<void> {
    await this.storage.set(keys.held(conversationKey, change.eventId), change);
  }

  /** Held changes per conversation. */
  async held(): Promise<Map<string, Array<{ key: string; change: HeldChange }>>> {
    const byConversation = new Map<string, Array<{ key: string; change: HeldChange }>>();
    for (const key of await this.storage.list(keys.allHeld)) {
      const item = await this.storage.get<HeldChange>(key);
      if (!item) continue;
      const conversation = segmentAfter(key, keys.allHeld);
      const list = byConversation.get(conversation) ?? [];
      list.push({ key, change: item.value });
      byConversation.set(conversation, list);
    }
    return byConversation;
  }

  async release(key: string): Promise<void> {
    await this.storage.delete(key);
  }
}
