import { z } from 'zod';
import type { NotifyTarget } from './notify-target';

/**
 * The first subscribe handler stored botbuilder's raw ConversationReference inside the
 * subscription record. Read just what a NotifyTarget needs from it, checked, so those
 * subscriptions keep working until the conversation's next turn stores a proper target.
 */
const legacySchema = z.object({
  serviceUrl: z.string().url(),
  bot: z.object({ id: z.string() }).partial().optional(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
});

export function targetFromLegacyReference(key: string, reference: unknown): NotifyTarget | undefined {
  const parsed = legacySchema.safeParse(reference);
  if (!parsed.success) return undefined;
  const { serviceUrl, bot, conversation } = parsed.data;
  const type = conversation.conversationType;
  return {
    key,
    conversationId: conversation.id,
    kind: type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal',
    tenantId: conversation.tenantId ?? '',
    serviceUrl,
    ...(bot?.id ? { botId: bot.id } : {}),
  };
}
