/**
 * Greetings and thanks ("hi", "hello there", "thanks!"): people say them to a bot and expect a
 * short answer, not the whole help card. Only messages made of nothing but such words count.
 */
import { tokenize } from './tokens';
import { FILLERS } from './vocabulary';

export type SmallTalk = 'greeting' | 'thanks';

const GREETINGS: ReadonlySet<string> = new Set(['hi', 'hello', 'hey', 'hiya', 'yo', 'morning', 'afternoon', 'evening', 'good', 'howdy']);
const THANKS: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'ty', 'cheers', 'great', 'cool', 'perfect', 'nice']);

export function smallTalk(text: string): SmallTalk | undefined {
  const words = tokenize(text).map((t) => t.lower);
  if (words.length === 0) return undefined;
  if (!words.every((w) => GREETINGS.has(w) || THANKS.has(w) || FILLERS.has(w))) return undefined;
  if (words.some((w) => THANKS.has(w))) return 'thanks';
  if (words.some((w) => GREETINGS.has(w))) return 'greeting';
  return undefined;
}
