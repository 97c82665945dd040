import { z } from 'zod';

/**
 * Card verbs the notifications add, for the lead to merge into the verb table
 * (src/bot/verbs.ts, later src/protocol). The data carries only the ticket: the conversation
 * comes from the turn, so a tampered button cannot unsubscribe another conversation.
 */
const ticketId = z.string().trim().max(64).min(1);

export const NOTIFY_VERBS = {
  'ticket.unsubscribe': z.object({ id: ticketId }),
} as const;

export type NotifyVerb = keyof typeof NOTIFY_VERBS;
