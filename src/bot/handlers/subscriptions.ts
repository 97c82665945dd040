import { subscriptionsCard } from '../../cards/subscriptions-card';
import { lastListedTickets } from '../../notify/poller';
import { describeFilter } from '../../notify/subscription-filter';
import type { BotDeps } from '../deps';
import { card, type Reply } from '../reply';
import type { Turn } from '../turn';

/** `subscriptions`: what this conversation follows, each with Unsubscribe, and its settings. */
export async function showSubscriptions(turn: Turn, _intent: unknown, deps: BotDeps): Promise<Reply> {
  const { subscriptions, settings } = deps.notify;
  const conversation = turn.conversationId;
  const [indexed, filter, current, listed] = await Promise.all([
    subscriptions.ticketsOf(conversation),
    subscriptions.getFilter(conversation),
    settings.get(conversation),
    lastListedTickets(deps.storage),
  ]);
  // The per-conversation index is written first: an entry whose subscription is gone (a crash in
  // between) is not counted.
  const ticketIds: string[] = [];
  for (const id of indexed) if (await subscriptions.isSubscribed(id, conversation)) ticketIds.push(id);
  // Title and state as the notifier last listed them; a ticket it has not listed yet is read.
  const details: Record<string, { title: string | null; state: string | null }> = {};
  for (const id of [...ticketIds].sort().slice(0, 40)) {
    const known = listed[id] ?? (await deps.mmd.tickets.get(id, { signal: turn.signal }).catch(() => null)) ?? undefined;
    if (known) details[id] = { title: known.title, state: known.state };
  }
  const zone = current.timeZone ?? (current.utcOffsetMinutes !== undefined ? `UTC${offsetText(current.utcOffsetMinutes)}` : 'UTC');
  return card(
    subscriptionsCard({
      ticketIds,
      details,
      followsAll: filter ? describeFilter(filter) : undefined,
      digest: current.digest,
      quiet: current.quiet ? `${current.quiet.start}-${current.quiet.end} (${zone})` : undefined,
    }),
  );
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
