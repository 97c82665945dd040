import { ticketDetailCard } from '../../cards/ticket-detail-card';
import type { BackView } from '../../protocol/views';
import { canChange } from './can-change';
import { TICKET_ID_FIELD_PATTERN } from '../../intents/ticket-id';
import type { Ticket } from '../../mmd/types';
import { noteId } from '../../notify/ticket-snapshot';
import { targetFromReference } from '../../notify/target-from-reference';
import type { BotDeps } from '../deps';
import { recordChange } from '../audit-trail';
import { card, say, text, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import { showSubscriptions } from './subscriptions';

const ID_SHAPE = new RegExp(TICKET_ID_FIELD_PATTERN);

/** The ticket when the service knows it; ids that cannot be one are not sent to the service. */
async function knownTicket(id: string, deps: BotDeps, signal?: AbortSignal): Promise<Ticket | undefined> {
  if (id.length > 64 || !ID_SHAPE.test(id)) return undefined;
  return (await deps.mmd.tickets.get(id, { signal })) ?? undefined;
}

/**
 * The ticket's note ids as they are now: the baseline a new subscription starts from. Undefined
 * when they cannot be read; the poller then counts notes written since the subscription as news.
 */
export async function currentNoteIds(ticketId: string, deps: BotDeps, signal?: AbortSignal): Promise<string[] | undefined> {
  try {
    return (await deps.mmd.tickets.notes(ticketId, { signal })).map(noteId);
  } catch {
    return undefined;
  }
}

const notFound = (id: string) =>
  say('I could not find ticket ', { value: id }, ', so nothing was subscribed. Type ', { command: 'tickets' }, ' to see recent tickets.');

/** The ticket card with its button in the new state, put in place of the card that was clicked. */
async function ticketCardInPlace(turn: Turn, ticket: Ticket, subscribed: boolean, deps: BotDeps, back?: BackView): Promise<Reply> {
  const notes = await deps.mmd.tickets.notes(ticket.id, { signal: turn.signal });
  // That message now shows this ticket: a later change refreshes it in place.
  if (turn.replyToId) await deps.notify.messages.setShownCard(turn.conversationId, ticket.id, turn.replyToId);
  return card(ticketDetailCard({ ticket, notes, now: nowFor(turn, deps), subscribed, back, canChange: await canChange(turn, deps) }));
}

/**
 * `subscribe <ticket>` and the ticket card's Subscribe button: this conversation hears about
 * every change of the ticket. Unknown tickets store nothing.
 */
export async function subscribeToTicket(
  turn: Turn,
  query: { id: string; view?: 'ticket'; back?: BackView },
  deps: BotDeps,
): Promise<Reply> {
  const ticket = await knownTicket(query.id, deps, turn.signal);
  if (!ticket) return notFound(query.id);
  const reference = turn.reference();
  if (!reference) return text('I could not tell where to send updates in this conversation, so nothing was subscribed.');
  const noteIds = await currentNoteIds(ticket.id, deps, turn.signal);
  await deps.notify.subscriptions.subscribe(
    ticket.id,
    targetFromReference(reference),
    turn.user.aadObjectId ?? turn.user.id,
    deps.now(),
    noteIds,
  );
  await recordChange(turn, deps, { action: 'subscription.add', target: { kind: 'ticket', id: ticket.id } });
  if (query.view === 'ticket' && turn.kind === 'invoke') return ticketCardInPlace(turn, ticket, true, deps, query.back);
  return say(
    'This conversation now gets an update whenever ticket ',
    { value: ticket.id },
    ' changes. Type ',
    { command: `unsubscribe ${ticket.id}` },
    ' to stop.',
  );
}

/**
 * `unsubscribe <ticket>` and every Unsubscribe button. Only the turn's own conversation is
 * touched: the button carries a ticket id, never a conversation.
 */
export async function unsubscribeFromTicket(
  turn: Turn,
  query: { id: string; view?: 'ticket' | 'subscriptions'; back?: BackView },
  deps: BotDeps,
): Promise<Reply> {
  const existed = await deps.notify.subscriptions.unsubscribe(query.id, turn.conversationId);
  if (existed) await recordChange(turn, deps, { action: 'subscription.remove', target: { kind: 'ticket', id: query.id } });
  if (turn.kind === 'invoke' && query.view === 'subscriptions') return showSubscriptions(turn, {}, deps);
  if (turn.kind === 'invoke' && query.view === 'ticket') {
    const ticket = await knownTicket(query.id, deps, turn.signal);
    if (ticket) return ticketCardInPlace(turn, ticket, false, deps, query.back);
  }
  return say(
    ...(existed
      ? ['This conversation no longer gets updates about ticket ', { value: query.id }, '.']
      : ['This conversation was not subscribed to ticket ', { value: query.id }, ', so nothing changed.']),
  );
}
