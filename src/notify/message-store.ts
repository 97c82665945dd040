import type { Storage } from '../storage/storage';
import { notifyKeys as keys } from './notify-keys';

/**
 * Activity ids the notifier needs to keep noise down: the thread root of a ticket in a channel
 * (later updates reply under it) and the last ticket card shown in a conversation (refreshed in
 * place when the ticket changes).
 */
export class MessageStore {
  constructor(private readonly storage: Storage) {}

  async threadRoot(conversationKey: string, ticketId: string): Promise<string | undefined> {
    return (await this.storage.get<{ activityId: string }>(keys.thread(conversationKey, ticketId)))?.value.activityId;
  }

  async setThreadRoot(conversationKey: string, ticketId: string, activityId: string): Promise<void> {
    await this.storage.set(keys.thread(conversationKey, ticketId), { activityId });
  }

  /** The bot calls this when it shows a ticket card, so a change can refresh that card. */
  async setShownCard(conversationKey: string, ticketId: string, activityId: string): Promise<void> {
    await this.storage.set(keys.shown(conversationKey, ticketId), { activityId });
  }

  async shownCard(conversationKey: string, ticketId: string): Promise<string | undefined> {
    return (await this.storage.get<{ activityId: string }>(keys.shown(conversationKey, ticketId)))?.value.activityId;
  }

  async forgetShownCard(conversationKey: string, ticketId: string): Promise<void> {
    await this.storage.delete(keys.shown(conversationKey, ticketId));
  }
}
