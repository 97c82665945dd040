import type { SettingsStore } from '../notify/conversation-settings';
import type { MessageStore } from '../notify/message-store';
import type { SubscriptionStore } from '../notify/subscription-store';
import { targetFromReference } from '../notify/target-from-reference';
import type { Turn } from './turn';

/** The notifier's stores the handlers use (built in src/app.ts with the notifier). */
export interface NotifyServices {
  subscriptions: SubscriptionStore;
  settings: SettingsStore;
  messages: MessageStore;
}

/** The last target written per conversation, so a chat of many turns writes it once. */
const MAX_REMEMBERED = 5000;

/**
 * Keeps where proactive messages to this turn's conversation go, on every turn (the service
 * URL of a conversation can move). Writes only when it changed since this process last wrote it.
 */
export function createConversationMemory(subscriptions: SubscriptionStore) {
  const written = new Map<string, string>();
  return {
    async remember(turn: Turn): Promise<void> {
      const reference = turn.reference();
      if (!reference) return;
      const target = targetFromReference(reference);
      const json = JSON.stringify(target);
      if (written.get(target.key) === json) return;
      await subscriptions.saveTarget(target);
      if (written.size >= MAX_REMEMBERED) written.clear();
      written.set(target.key, json);
    },
    async forget(conversationId: string): Promise<void> {
      written.delete(conversationId);
      await subscriptions.dropConversation(conversationId);
    },
  };
}
