import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Storage } from '../../storage/storage';

/** `redactions/<due ISO time>/<uuid>`: a listing is in due order, so a sweep stops at the first not due. */
export const REDACTION_PREFIX = 'redactions';

const account = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() });

const pendingSchema = z.object({
  reference: z.object({
    serviceUrl: z.string().min(1),
    channelId: z.string().min(1),
    bot: account,
    user: account.optional(),
    conversation: z.object({
      id: z.string().min(1),
      conversationType: z.string().optional(),
      tenantId: z.string().optional(),
      isGroup: z.boolean().optional(),
    }),
  }),
  /** The message holding the revealed card (the invoke's replyToId). */
  activityId: z.string().min(1),
  deviceName: z.string(),
  dueAt: z.string(),
  /** Failed update attempts so far (transient connector errors). */
  attempts: z.number().int().min(0),
});

/**
 * What must happen after a reveal: replace the card in `activityId` with the redacted card.
 * Holds only where the card is, never what it showed.
 */
export type PendingRedaction = z.output<typeof pendingSchema>;

/** The parts of a conversation reference that are kept, from the turn's reference. */
export function storedReference(reference: Partial<ConversationReference>): PendingRedaction['reference'] | undefined {
  const parsed = pendingSchema.shape.reference.safeParse({
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    bot: pick(reference.bot),
    user: reference.user ? pick(reference.user) : undefined,
    conversation: {
      id: reference.conversation?.id,
      conversationType: reference.conversation?.conversationType,
      tenantId: reference.conversation?.tenantId,
      isGroup: reference.conversation?.isGroup,
    },
  });
  return parsed.success ? parsed.data : undefined;
}

function pick(a: { id?: string; name?: string; aadObjectId?: string } | undefined) {
  return a ? { id: a.id, name: a.name, aadObjectId: a.aadObjectId } : undefined;
}

/** The reference botbuilder wants back (continueConversationAsync). */
export function conversationReference(pending: PendingRedaction): Partial<ConversationReference> {
  const { reference } = pending;
  return {
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    bot: { id: reference.bot.id, name: reference.bot.name ?? '' },
    user: reference.user ? { id: reference.user.id, name: reference.user.name ?? '', aadObjectId: reference.user.aadObjectId } : undefined,
    conversation: {
      id: reference.conversation.id,
      name: '',
      isGroup: reference.conversation.isGroup ?? false,
      conversationType: reference.conversation.conversationType ?? 'personal',
      tenantId: reference.conversation.tenantId,
    },
  };
}

export function redactionKey(dueAt: Date): string {
  return `${REDACTION_PREFIX}/${dueAt.toISOString()}/${randomUUID()}`;
}

export async function saveRedaction(storage: Storage, key: string, pending: PendingRedaction): Promise<void> {
  await storage.set(key, pendingSchema.parse(pending));
}

/** Keys due at or before `now`, oldest first. */
export async function dueRedactionKeys(storage: Storage, now: Date): Promise<string[]> {
  const limit = `${REDACTION_PREFIX}/${now.toISOString()}/\uffff`;
  return (await storage.list(`${REDACTION_PREFIX}/`)).filter((key) => key <= limit);
}

/** The pending redaction under `key`; undefined when gone (done by another instance) or unreadable. */
export async function readRedaction(storage: Storage, key: string): Promise<PendingRedaction | undefined> {
  const item = await storage.get<unknown>(key);
  const parsed = pendingSchema.safeParse(item?.value);
  return parsed.success ? parsed.data : undefined;
}
