import type { Intent } from './intent';

const SUBSCRIBE = new Set(['subscribe', 'follow']);
const UNSUBSCRIBE = new Set(['unsubscribe', 'unfollow']);
/** Words between the verb and the ticket id that say nothing: "subscribe to ticket X". */
const FILLERS = new Set(['to', 'ticket', 'from', 'me', 'the', 'on']);
const MAX_ID = 64;

/**
 * The notification commands, checked before anything else because their first word decides:
 * `subscribe <id>`, `subscribe all [...]`, `unsubscribe <id>`, `unsubscribe all`,
 * `subscriptions`, `notify digest ...`, `notify quiet ...`. Undefined when the text is not one.
 */
export function notifyIntent(text: string): Intent | undefined {
  const words = text.split(' ').filter(Boolean);
  const first = (words[0] ?? '').toLowerCase();
  const rest = words.slice(1);
  if (first === 'subscriptions' && rest.length === 0) return { kind: 'subscriptions' };
  if (first === 'notify' || first === 'notifications') {
    const setting = (rest[0] ?? '').toLowerCase();
    const value = rest.slice(1).join(' ');
    if (setting === 'digest' || setting === 'quiet') return { kind: 'notify', setting, value };
    return { kind: 'notify', setting: 'show', value: rest.join(' ') };
  }
  const subscribe = SUBSCRIBE.has(first);
  if (!subscribe && !UNSUBSCRIBE.has(first)) return undefined;
  if ((rest[0] ?? '').toLowerCase() === 'all') {
    return subscribe ? { kind: 'subscribeAll', filter: rest.slice(1).join(' ') } : { kind: 'subscribeAll', filter: '', off: true };
  }
  const meaningful = rest.filter((w) => !FILLERS.has(w.toLowerCase()));
  if (meaningful.length === 0) return { kind: 'subscriptions' };
  // One id; anything more is not a command we know (the parser goes on with the other rules).
  if (meaningful.length > 1 || meaningful[0]!.length > MAX_ID) return undefined;
  const id = meaningful[0]!.replace(/[.,;:!?]+$/, '');
  if (id === '') return undefined;
  return { kind: subscribe ? 'subscribe' : 'unsubscribe', id: /^[a-z]{2,5}-\d/i.test(id) ? id.toUpperCase() : id };
}
