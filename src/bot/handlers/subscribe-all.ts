import { describeFilter, parseSubscriptionFilter } from '../../notify/subscription-filter';
import { targetFromReference } from '../../notify/target-from-reference';
import type { BotDeps } from '../deps';
import { recordChange } from '../audit-trail';
import { say, type Reply } from '../reply';
import type { Turn } from '../turn';

/**
 * `subscribe all [severity <= N] [state ...]` (and `unsubscribe all`): a channel or group chat
 * follows every ticket of the tenant that matches. Not in 1:1 chats: a team room is where the
 * whole tenant's tickets belong.
 */
export async function subscribeAll(turn: Turn, intent: { filter: string; off?: boolean }, deps: BotDeps): Promise<Reply> {
  const { subscriptions } = deps.notify;
  if (intent.off) {
    const had = (await subscriptions.getFilter(turn.conversationId)) !== undefined;
    await subscriptions.setFilter(turn.conversationId, null);
    if (had)
      await recordChange(turn, deps, {
        action: 'subscription.remove',
        target: { kind: 'conversation', id: turn.conversationId },
        detail: 'every ticket',
      });
    return say(
      had
        ? 'This conversation no longer follows every ticket. Tickets subscribed one by one still send updates.'
        : 'This conversation did not follow every ticket, so nothing changed.',
    );
  }
  if (turn.conversation !== 'channel' && turn.conversation !== 'groupChat') {
    return say(
      { command: 'subscribe all' },
      " works in a channel or group chat, where the team follows the tenant's tickets together. Here, subscribe to single tickets: ",
      { command: 'subscribe <ticket id>' },
      '.',
    );
  }
  const parsed = parseSubscriptionFilter(intent.filter);
  if ('error' in parsed) return say(`${parsed.error} Nothing was changed.`);
  const reference = turn.reference();
  if (!reference) return say('I could not tell where to send updates in this conversation, so nothing was subscribed.');
  await subscriptions.saveTarget(targetFromReference(reference));
  // Notes written from now on are news for tickets this conversation newly follows.
  const since = (await subscriptions.getFilter(turn.conversationId))?.since ?? deps.now().toISOString();
  await subscriptions.setFilter(turn.conversationId, { ...parsed.filter, since });
  await recordChange(turn, deps, {
    action: 'subscription.add',
    target: { kind: 'conversation', id: turn.conversationId },
    detail: describeFilter(parsed.filter),
  });
  turn.log.info({ filter: parsed.filter }, 'subscribe all');
  return say(
    `This conversation now hears about ${describeFilter(parsed.filter)} (new tickets and changes). Type `,
    { command: 'unsubscribe all' },
    " to stop. Only the bot's admins may change this.",
  );
}
