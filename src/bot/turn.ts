import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** One incoming activity, as handlers see it. */
export interface Turn {
  context: TurnContext;
  /** Shown to the user on failures and logged with every line of this turn. */
  correlationId: string;
  conversation: ConversationKind;
  user: { id: string; aadObjectId?: string; name?: string };
  log: Logger;
}

export function conversationKind(context: TurnContext): ConversationKind {
  const type = context.activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  // Teams marks 1:1 chats "personal"; other channels (Emulator, Playground) may omit it.
  return context.activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

export function createTurn(context: TurnContext, logger: Logger): Turn {
  const correlationId = randomUUID();
  const from = context.activity.from ?? { id: 'unknown' };
  return {
    context,
    correlationId,
    conversation: conversationKind(context),
    user: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    log: logger.child({ correlationId, activityId: context.activity.id, type: context.activity.type }),
  };
}
