import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { CardUpdater } from '../bot/card-updater';
import type { StoredReference } from '../state/stored-reference';

/**
 * Replaces a card proactively (updateActivity on the message that holds it), e.g. a revealed
 * password card with the redacted one once it is due.
 */
export function createCardUpdater(adapter: CloudAdapter, botAppId: string): CardUpdater {
  return {
    updateCard: (reference, activityId, card) =>
      adapter.continueConversationAsync(botAppId, conversationReference(reference), async (context) => {
        await context.updateActivity({
          type: 'message',
          id: activityId,
          conversation: context.activity.conversation,
          attachments: [CardFactory.adaptiveCard(card)],
        });
      }),
  };
}

/** The reference botbuilder wants back (continueConversationAsync). */
function conversationReference(reference: StoredReference): Partial<ConversationReference> {
  return {
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    bot: { id: reference.bot.id, name: reference.bot.name ?? '' },
    user: reference.user ? { id: reference.user.id, name: reference.user.name ?? '', aadObjectId: reference.user.aadObjectId } : undefined,
    conversation: {
      id: reference.conversation.id,
      name: '',
      isGroup: reference.conversation.isGroup ?? false,
      conversationType: reference.conversation.conversationType ?? 'personal',
      tenantId: reference.conversation.tenantId,
    },
  };
}
