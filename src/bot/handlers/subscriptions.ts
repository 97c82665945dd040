import { subscriptionsCard } from '../../cards/subscriptions-card';
import { describeFilter } from '../../notify/subscription-filter';
import type { BotDeps } from '../deps';
import { card, type Reply } from '../reply';
import type { Turn } from '../turn';

/** `subscriptions`: what this conversation follows, each with Unsubscribe, and its settings. */
export async function showSubscriptions(turn: Turn, _intent: unknown, deps: BotDeps): Promise<Reply> {
  const { subscriptions, settings } = deps.notify;
  const conversation = turn.conversationId;
  const [ticketIds, filter, current] = await Promise.all([
    subscriptions.ticketsOf(conversation),
    subscriptions.getFilter(conversation),
    settings.get(conversation),
  ]);
  const zone = current.timeZone ?? (current.utcOffsetMinutes !== undefined ? `UTC${offsetText(current.utcOffsetMinutes)}` : 'UTC');
  return card(
    subscriptionsCard({
      ticketIds,
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
