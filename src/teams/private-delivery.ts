import { CardFactory, CloudAdapter, type ConversationParameters, type TurnContext } from 'botbuilder';
import type { PrivateDelivery } from '../bot/turn';
import type { AdaptiveCard } from '../cards/render';
import type { Logger } from '../log/logger';

/**
 * Sends `card` to the turn's sender in their 1:1 chat with the bot, creating the chat if
 * needed (Teams answers with the existing one when there is one). Used when something private
 * is asked for in a group chat or channel. Fails (ok: false) when Teams refuses, typically
 * because the user has not installed the app for themselves.
 */
export async function sendPrivately(
  context: TurnContext,
  botAppId: string,
  user: { id: string; name?: string },
  card: AdaptiveCard,
  log: Logger,
): Promise<PrivateDelivery> {
  const adapter = context.adapter;
  const incoming = context.activity;
  const serviceUrl = incoming.serviceUrl;
  if (!(adapter instanceof CloudAdapter) || !serviceUrl) return { ok: false };
  const tenantId = tenantOf(context);
  const parameters: ConversationParameters = {
    isGroup: false,
    bot: incoming.recipient,
    members: [{ id: user.id, name: user.name ?? '' }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  };
  // The audience this turn's replies use; botbuilder's type says string, but its implementation
  // (and TeamsInfo) pass null for "the default Bot Framework scope" when there is none.
  const audience = context.turnState.get<string | undefined>(adapter.OAuthScopeKey) ?? (null as unknown as string);
  let conversationId = '';
  let activityId: string | undefined;
  try {
    await adapter.createConversationAsync(botAppId, 'msteams', serviceUrl, audience, parameters, async (created) => {
      conversationId = created.activity.conversation.id;
      const sent = await created.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      activityId = sent?.id || undefined;
    });
  } catch (err) {
    const status = err && typeof err === 'object' ? (err as { statusCode?: unknown }).statusCode : undefined;
    log.warn({ status: typeof status === 'number' ? status : undefined }, 'could not send privately');
    return { ok: false };
  }
  return { ok: true, conversationId, activityId };
}

/** The tenant of the conversation; Teams puts it in channelData too. */
export function tenantOf(context: TurnContext): string | undefined {
  const incoming = context.activity;
  const channelData: unknown = incoming.channelData;
  const tenantFromChannel =
    channelData && typeof channelData === 'object' ? (channelData as { tenant?: { id?: unknown } }).tenant?.id : undefined;
  return incoming.conversation?.tenantId ?? (typeof tenantFromChannel === 'string' ? tenantFromChannel : undefined);
}
