import type { StoredReference } from '../state/stored-reference';
import type { ConversationKind, NotifyTarget } from './notify-target';

function kindOf(reference: StoredReference): ConversationKind {
  const type = reference.conversation.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || (type === undefined && reference.conversation.isGroup)) return 'groupChat';
  return 'personal';
}

/**
 * Where the notifier sends for a conversation, from the reference a turn carries. The key is
 * the conversation id: the one the bot's handlers see as `turn.conversationId`.
 */
export function targetFromReference(reference: StoredReference): NotifyTarget {
  return {
    key: reference.conversation.id,
    conversationId: reference.conversation.id,
    kind: kindOf(reference),
    tenantId: reference.conversation.tenantId ?? '',
    serviceUrl: reference.serviceUrl,
    botId: reference.bot.id,
    ...(reference.channelId !== 'msteams' ? { channelId: reference.channelId } : {}),
  };
}
