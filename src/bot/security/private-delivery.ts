import { CloudAdapter, type Activity, type ConversationParameters } from 'botbuilder';
import type { Turn } from '../turn';

export type PrivateDelivery = { ok: true; conversationId: string } | { ok: false };

/**
 * Sends `activity` to the turn's sender in their 1:1 chat with the bot, creating the chat if
 * needed (Teams answers with the existing one when there is one). Used when something private
 * is asked for in a group chat or channel. Fails (ok: false) when Teams refuses, typically
 * because the user has not installed the app for themselves.
 */
export async function sendPrivately(turn: Turn, botAppId: string, activity: Partial<Activity>): Promise<PrivateDelivery> {
  const adapter = turn.context.adapter;
  const incoming = turn.context.activity;
  const serviceUrl = incoming.serviceUrl;
  if (!(adapter instanceof CloudAdapter) || !serviceUrl) return { ok: false };
  const channelData: unknown = incoming.channelData;
  const tenantFromChannel =
    channelData && typeof channelData === 'object' ? (channelData as { tenant?: { id?: unknown } }).tenant?.id : undefined;
  const tenantId = incoming.conversation?.tenantId ?? (typeof tenantFromChannel === 'string' ? tenantFromChannel : undefined);
  const parameters: ConversationParameters = {
    isGroup: false,
    bot: incoming.recipient,
    members: [{ id: turn.user.id, name: turn.user.name ?? '' }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  };
  // The audience this turn's replies use; botbuilder's type says string, but its implementation
  // (and TeamsInfo) pass null for "the default Bot Framework scope" when there is none.
  const audience = turn.context.turnState.get<string | undefined>(adapter.OAuthScopeKey) ?? (null as unknown as string);
  let conversationId = '';
  try {
    await adapter.createConversationAsync(botAppId, 'msteams', serviceUrl, audience, parameters, async (context) => {
      conversationId = context.activity.conversation.id;
      await context.sendActivity(activity);
    });
  } catch (err) {
    const status = err && typeof err === 'object' ? (err as { statusCode?: unknown }).statusCode : undefined;
    turn.log.warn({ status: typeof status === 'number' ? status : undefined }, 'could not send privately');
    return { ok: false };
  }
  return { ok: true, conversationId };
}
