import { randomUUID } from 'node:crypto';
import { CardFactory, CloudAdapter, TurnContext } from 'botbuilder';
import type { Turn, TurnMember } from '../bot/turn';
import { withDeadline } from '../http/deadline';
import type { Logger } from '../log/logger';
import { storedReference } from '../state/stored-reference';
import { conversationKind } from './conversation-kind';
import { utcOffsetMinutes } from './local-offset';
import { lookupMember } from './member-lookup';
import { sendPrivately, tenantOf } from './private-delivery';
import { cardActivity, sendReply } from './send-reply';
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

/** A turn whose work may outlive its HTTP answer (a card button answered "working on it"). */
export interface TeamsTurn extends Turn {
  /**
   * The answer has gone: botbuilder revokes the TurnContext, so from now on what the turn asks
   * of Teams (send, update, roster) goes through a proactive context on the same conversation.
   */
  detach(): void;
}

/**
 * The Turn port over botbuilder's TurnContext. Handlers never see the context itself.
 * A card button (Action.Execute) works under the message deadline: Teams' 5 s for its answer
 * is kept by TeamsBot, which answers "working on it" in time and updates the card later.
 */
export function createTeamsTurn(context: TurnContext, options: TeamsTurnOptions): TeamsTurn {
  const activity = context.activity;
  const adapter = context.adapter;
  let detached = false;
  const withContext = async <T>(use: (c: TurnContext) => Promise<T>): Promise<T> => {
    if (!detached) return use(context);
    if (!(adapter instanceof CloudAdapter)) throw new Error('no proactive context for this adapter');
    let out: T | undefined;
    await adapter.continueConversationAsync(options.botAppId, TurnContext.getConversationReference(activity), async (proactive) => {
      out = await use(proactive);
    });
    return out as T;
  };
  const correlationId = randomUUID();
  const from = activity.from ?? { id: 'unknown' };
  const user = { id: from.id, aadObjectId: from.aadObjectId, name: from.name };
  const kind = activity.type === 'invoke' ? 'invoke' : 'message';
  const longWork = kind === 'message' || activity.name === 'adaptiveCard/action';
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
    signal: withDeadline(longWork ? options.deadlines.messageMs : options.deadlines.invokeMs),
    log,
    member: () => (member ??= withContext((c) => lookupMember(c, user.id, log))),
    sendCard: (card, text) =>
      withContext(async (c) => {
        const sent = await c.sendActivity(cardActivity(card, text));
        return sent?.id || undefined;
      }),
    updateCard: (activityId, card) =>
      withContext(async (c) => {
        await c.updateActivity({
          type: 'message',
          id: activityId,
          conversation: c.activity.conversation,
          attachments: [CardFactory.adaptiveCard(card)],
        });
      }),
    sendPrivately: (card) => withContext((c) => sendPrivately(c, options.botAppId, user, card, log)),
    reference: () => storedReference(TurnContext.getConversationReference(activity)),
    ...(options.oauthConnectionName ? { userTokens: createUserTokens(context, options.oauthConnectionName, log) } : {}),
    send: (reply) => withContext((c) => sendReply(c, reply)),
    detach() {
      detached = true;
    },
  };
}
