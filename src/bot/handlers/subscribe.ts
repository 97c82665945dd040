import { saveSubscription } from '../../state/subscriptions';
import type { BotDeps } from '../deps';
import { text, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * Records that this conversation wants updates of a ticket, with the conversation reference a
 * proactive message needs. The notifier (a later issue) reads them (src/state/subscriptions.ts).
 */
export async function subscribeToTicket(turn: Turn, query: { id: string }, deps: BotDeps): Promise<Reply> {
  const ticket = await deps.mmd.tickets.get(query.id);
  if (!ticket) return text(`I could not find ticket ${query.id}.`);
  const reference = turn.reference();
  if (!reference) return text('I could not tell where to send updates in this conversation, so nothing was subscribed.');
  await saveSubscription(deps.storage, {
    ticketId: ticket.id,
    reference,
    subscribedBy: turn.user.aadObjectId ?? turn.user.id,
    at: deps.now().toISOString(),
    lastState: ticket.state,
  });
  return text(
    `This conversation is subscribed to ticket ${ticket.id}. Proactive updates are delivered once notifications are enabled for this bot.`,
  );
}
