import type { ConversationKind } from '../bot/turn';

export interface ConversationShape {
  conversationType?: string;
  isGroup?: boolean;
}

/**
 * Teams marks every conversation: personal, groupChat or channel. Anything else is `unknown`,
 * which is never treated as a 1:1 chat (private things are then sent privately or refused).
 * `unmarkedIsPersonal` is for the Agents Playground, which sends no type at all for its 1:1 chat
 * (and isGroup only for group chats): set in sandbox mode and by `npm run dev` only.
 */
export function conversationKind(conversation: ConversationShape | undefined, unmarkedIsPersonal = false): ConversationKind {
  const type = conversation?.conversationType;
  const isGroup = conversation?.isGroup;
  if (type === 'channel' || type === 'groupChat') return type;
  // A "personal" chat that says it is a group contradicts itself: not personal.
  if (type === 'personal') return isGroup === true ? 'unknown' : 'personal';
  if (type !== undefined) return 'unknown';
  if (isGroup === true) return 'groupChat';
  return unmarkedIsPersonal ? 'personal' : 'unknown';
}
