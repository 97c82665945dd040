import { randomUUID } from 'node:crypto';
import { CardFactory, TurnContext } from 'botbuilder';
import type { Turn, TurnMember } from '../bot/turn';
import { withDeadline } from '../http/deadline';
import type { Logger } from '../log/logger';
import { storedReference } from '../state/stored-reference';
import { conversationKind } from './conversation-kind';
import { utcOffsetMinutes } from './local-offset';
import { lookupMember } from './member-lookup';
import { sendPrivately, tenantOf } from './private-delivery';
import { sendReply } from './send-reply';
import { createUserTokens } from './user-tokens';

/** How long Teams waits for an answer: about 15 s for a message turn, 5 s for an invoke. */
export interface TurnDeadlines {
  messageMs: number;
  invokeMs: number;
}

export const DEFAULT_DEADLINES: TurnDeadlines = { messageMs: 12_000, invokeMs: 4_500 };

export interface TeamsTurnOptions {
  logger: Logger;
  botAppId: string;
  deadlines: TurnDeadlines;
  /** A conversation without a type counts as 1:1 (Agents Playground); see conversation-kind.ts. */
  unmarkedIsPersonal: boolean;
  /** config.allowedTenantIds; undefined = any tenant. */
  allowedTenantIds?: readonly string[] | 'any';
  /** MMD_AUTH=user: the Azure Bot's OAuth connection; turns then carry `userTokens`. */
  oauthConnectionName?: string;
}

/** The Turn port over botbuilder's TurnContext. Handlers never see the context itself. */
export function createTeamsTurn(context: TurnContext, options: TeamsTurnOptions): Turn {
  const activity = context.activity;
  const correlationId = randomUUID();
  const from = activity.from ?? { id: 'unknown' };
  const user = { id: from.id, aadObjectId: from.aadObjectId, name: from.name };
  const kind = activity.type === 'invoke' ? 'invoke' : 'message';
  const log = options.logger.child({ correlationId, activityId: activity.id, type: activity.type });
  let member: Promise<TurnMember | undefined> | undefined;
  return {
    correlationId,
    kind,
    conversation: conversationKind(activity.conversation, options.unmarkedIsPersonal),
    conversationId: activity.conversation?.id ?? 'unknown',
    tenantId: tenantOf(context),
    user,
    replyToId: activity.replyToId || undefined,
    utcOffsetMinutes: utcOffsetMinutes(activity),
    localTimezone: typeof activity.localTimezone === 'string' ? activity.localTimezone : undefined,
    // withDeadline, not AbortSignal.timeout: the retry layer reads the deadline from it
    // (remainingMs) and never starts a wait (Retry-After, back-off) that would end after it.
    signal: withDeadline(kind === 'invoke' ? options.deadlines.invokeMs : options.deadlines.messageMs),
    log,
    member: () => (member ??= lookupMember(context, user.id, log)),
    async updateCard(activityId, card) {
      await context.updateActivity({ type: 'message', id: activityId, attachments: [CardFactory.adaptiveCard(card)] });
    },
    sendPrivately: (card) => sendPrivately(context, options.botAppId, user, card, log),
    reference: () => storedReference(TurnContext.getConversationReference(activity)),
    ...(options.oauthConnectionName ? { userTokens: createUserTokens(context, options.oauthConnectionName, log) } : {}),
    send: (reply) => sendReply(context, reply),
  };
}
