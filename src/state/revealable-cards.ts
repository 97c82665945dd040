import { z } from 'zod';
import type { Storage } from '../storage/storage';

/**
 * The hidden elevation cards the bot itself sent, by the id Teams gave the message
 * (`revealable/<conversation>/<activity>`). A reveal is only accepted on one of these, and the
 * redaction later replaces exactly that message: an inbound replyToId is the sender's claim,
 * never trusted to say which message to overwrite.
 */
export const REVEALABLE_PREFIX = 'revealable';

const recordSchema = z.object({ deviceName: z.string(), sentAt: z.string() });

const key = (conversationId: string, activityId: string) =>
  `${REVEALABLE_PREFIX}/${encodeURIComponent(conversationId)}/${encodeURIComponent(activityId)}`;

const sameDevice = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function rememberRevealableCard(
  storage: Storage,
  card: { conversationId: string; activityId: string; deviceName: string },
  now: Date,
): Promise<void> {
  await storage.set(key(card.conversationId, card.activityId), { deviceName: card.deviceName.trim(), sentAt: now.toISOString() });
}

/** Whether message `activityId` of this conversation is a card the bot sent for this device. */
export async function isRevealableCard(storage: Storage, conversationId: string, activityId: string, deviceName: string): Promise<boolean> {
  const item = await storage.get<unknown>(key(conversationId, activityId));
  const record = recordSchema.safeParse(item?.value);
  return record.success && sameDevice(record.data.deviceName, deviceName);
}

/** When the card under `storageKey` was sent; undefined when unreadable (then it may go). */
export function revealableSentAt(value: unknown): Date | undefined {
  const record = recordSchema.safeParse(value);
  return record.success ? new Date(record.data.sentAt) : undefined;
}
