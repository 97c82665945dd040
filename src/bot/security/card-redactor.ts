import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { elevationRedactedCard } from '../../cards/elevation-details-card';
import type { PendingRedaction } from '../../state/redaction-store';
import type { StoredReference } from '../../state/stored-reference';

/**
 * Replaces a revealed card with the redacted one, proactively (updateActivity on the message
 * that holds it). The new card carries no refresh, so every viewer sees the redacted view.
 */
export function createCardRedactor(adapter: CloudAdapter, botAppId: string): (pending: PendingRedaction) => Promise<void> {
  return (pending) =>
    adapter.continueConversationAsync(botAppId, conversationReference(pending.reference), async (context) => {
      await context.updateActivity({
        type: 'message',
        id: pending.activityId,
        conversation: context.activity.conversation,
        attachments: [CardFactory.adaptiveCard(elevationRedactedCard({ deviceName: pending.deviceName }))],
      });
    });
}

/** The reference botbuilder wants back (continueConversationAsync). */
export function conversationReference(reference: StoredReference): Partial<ConversationReference> {
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
    locale: reference.locale,
  };
}
