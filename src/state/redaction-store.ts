import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Storage } from '../storage/storage';
import { storedReferenceSchema } from './stored-reference';

/** `redactions/<due ISO time>/<uuid>`: a listing is in due order, so a sweep stops at the first not due. */
const REDACTION_PREFIX = 'redactions';

const pendingSchema = z.object({
  reference: storedReferenceSchema,
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
