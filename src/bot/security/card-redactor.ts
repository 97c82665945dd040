import { CardFactory, type CloudAdapter } from 'botbuilder';
import { elevationRedactedCard } from '../../cards/elevation-details-card';
import { conversationReference, type PendingRedaction } from './redaction-store';

/**
 * Replaces a revealed card with the redacted one, proactively (updateActivity on the message
 * that holds it). The new card carries no refresh, so every viewer sees the redacted view.
 */
export function createCardRedactor(adapter: CloudAdapter, botAppId: string): (pending: PendingRedaction) => Promise<void> {
  return (pending) =>
    adapter.continueConversationAsync(botAppId, conversationReference(pending), async (context) => {
      await context.updateActivity({
        type: 'message',
        id: pending.activityId,
        conversation: context.activity.conversation,
        attachments: [CardFactory.adaptiveCard(elevationRedactedCard({ deviceName: pending.deviceName }))],
      });
    });
}
