import { execute } from './card-action';
import { messageCard, type MessagePart } from './message-card';
import type { AdaptiveCard } from './render';

/** Commands a newcomer most likely wants, for small talk and when nothing is close. */
const STARTERS = ['devices', 'tickets', 'help'];

/**
 * "Did you mean …?" as a card (visible in every client, unlike the message text), with one
 * button per close command that runs it at once. `commands` are full command lines to run.
 */
export function didYouMeanCard(typed: string, commands: readonly string[]): AdaptiveCard {
  const parts: MessagePart[] = commands.length
    ? ['I did not understand ', { value: typed }, '. Did you mean one of these?']
    : ['I did not understand ', { value: typed }, '. Try one of these, or type help to see everything I can do.'];
  const run = commands.length ? commands : STARTERS;
  return messageCard(
    parts,
    run.map((c) => execute(c, 'command', { text: c })),
  );
}

/** A short answer to "hi" or "thanks" with the usual starting points. */
export function smallTalkCard(kind: 'greeting' | 'thanks', userName?: string): AdaptiveCard {
  const hello = userName?.trim() ? `Hi ${userName.trim().split(/\s+/)[0]}! ` : 'Hi! ';
  const words = kind === 'thanks' ? "You're welcome. Anything else?" : `${hello}What would you like to look at?`;
  return messageCard(
    [words],
    STARTERS.map((c) => execute(c, 'command', { text: c })),
  );
}
