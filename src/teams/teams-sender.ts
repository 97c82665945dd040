import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { NotifyTarget } from '../notify/notify-target';
import { deliveryError, type Sender, type SendOptions } from '../notify/sender';
import { connectorFailure } from './connector-failure';

/**
 * The notifier's port to Teams: one proactive card per call, through the adapter's
 * continueConversationAsync with the bot's app id. In a channel, `replyToId` puts the card in
 * the thread under that message (conversation id `<channel>;messageid=<root>`); `updateActivityId`
 * replaces an earlier card in place. Every connector failure becomes a DeliveryError the
 * outbox knows how to treat (stop, throttled, retryable, fatal).
 */
export function createTeamsSender(adapter: CloudAdapter, botAppId: string): Sender {
  return {
    async send(target, card, options = {}) {
      let activityId = '';
      // Caught inside the callback: an error escaping it would reach the adapter's onTurnError,
      // which tells "the user" something went wrong, a message to a conversation that refused one.
      let failed: { err: unknown } | undefined;
      try {
        await adapter.continueConversationAsync(botAppId, referenceOf(target, options), async (context) => {
          try {
            const activity = { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
            if (options.updateActivityId) {
              await context.updateActivity({ ...activity, id: options.updateActivityId, conversation: context.activity.conversation });
              activityId = options.updateActivityId;
              return;
            }
            // The thread is named by the conversation id (see referenceOf), as Teams wants it.
            const sent = await context.sendActivity(activity);
            activityId = sent?.id ?? '';
          } catch (err) {
            failed = { err };
          }
        });
      } catch (err) {
        failed = { err };
      }
      if (failed) {
        const failure = connectorFailure(failed.err);
        // Neither an answer nor a network failure: a bug; the outbox keeps the send pending.
        if (failure.status === undefined && !failure.network) throw failed.err;
        // No status: the request never got an answer (network, DNS, timeout): worth retrying.
        throw deliveryError(failure.status, failure.code, failure.retryAfter);
      }
      return { activityId };
    },
  };
}

function referenceOf(target: NotifyTarget, options: SendOptions): Partial<ConversationReference> {
  const threaded = target.kind === 'channel' && options.replyToId && !options.updateActivityId;
  return {
    serviceUrl: target.serviceUrl,
    channelId: target.channelId ?? 'msteams',
    bot: { id: target.botId ?? '', name: '' },
    conversation: {
      id: threaded ? `${target.conversationId};messageid=${options.replyToId}` : target.conversationId,
      name: '',
      isGroup: target.kind !== 'personal',
      conversationType: target.kind,
      tenantId: target.tenantId,
    },
  };
}
