import { z } from 'zod';
import type { Storage } from '../storage/storage';
import { storedReferenceSchema } from './stored-reference';

/** `subscriptions/<ticket id>/<conversation id, URI-encoded>`: one per ticket and conversation. */
export const SUBSCRIPTION_PREFIX = 'subscriptions';

const subscriptionSchema = z.object({
  ticketId: z.string().min(1),
  reference: storedReferenceSchema,
  /** Object id (else Teams id) of who subscribed. */
  subscribedBy: z.string(),
  at: z.string(),
  /** The ticket's state when last seen, so the notifier tells only changes. */
  lastState: z.string().nullable(),
});

/** A conversation that wants updates of a ticket, with where to send them. */
export type Subscription = z.output<typeof subscriptionSchema>;

export function subscriptionKey(ticketId: string, conversationId: string): string {
  return `${SUBSCRIPTION_PREFIX}/${ticketId}/${encodeURIComponent(conversationId)}`;
}

/** Writes (or replaces) the conversation's subscription to the ticket. */
export async function saveSubscription(storage: Storage, subscription: Subscription): Promise<void> {
  const record = subscriptionSchema.parse(subscription);
  await storage.set(subscriptionKey(record.ticketId, record.reference.conversation.id), record);
}

/** Every subscription to `ticketId`; records that do not parse (older shapes) are skipped. */
export async function subscriptionsOf(storage: Storage, ticketId: string): Promise<Subscription[]> {
  const found: Subscription[] = [];
  for (const key of await storage.list(`${SUBSCRIPTION_PREFIX}/${ticketId}/`)) {
    const parsed = subscriptionSchema.safeParse((await storage.get<unknown>(key))?.value);
    if (parsed.success) found.push(parsed.data);
  }
  return found;
}
