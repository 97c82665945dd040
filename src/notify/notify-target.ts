/**
 * Where a proactive message goes: the part of a stored conversation reference the notifier
 * needs. The Teams layer maps its own stored reference to this shape, so src/notify never sees
 * botbuilder types.
 */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface NotifyTarget {
  /** The conversation key subscriptions are stored under (the conversation id). */
  key: string;
  conversationId: string;
  kind: ConversationKind;
  tenantId: string;
  serviceUrl: string;
  /** The bot's id in that conversation (botbuilder's `bot.id`), when known. */
  botId?: string;
  /** The Bot Framework channel when it is not Teams (`msteams`), e.g. a local test client. */
  channelId?: string;
  /** Channel conversations: the team's id, when known. */
  teamId?: string;
}
