/**
 * Every storage key the notifier uses, in one place. Conversation ids and ticket ids are
 * URI-encoded so a '/' inside one cannot split a key. `subscriptions/<ticket>/<conversation>`
 * is the layout the first subscribe handler wrote; it is kept so those records still count.
 */
const enc = encodeURIComponent;

export const notifyKeys = {
  subscription: (ticketId: string, conversation: string) => `subscriptions/${enc(ticketId)}/${enc(conversation)}`,
  subscriptionsOf: (ticketId: string) => `subscriptions/${enc(ticketId)}/`,
  allSubscriptions: 'subscriptions/',
  following: (conversation: string, ticketId: string) => `notify/following/${enc(conversation)}/${enc(ticketId)}`,
  followingOf: (conversation: string) => `notify/following/${enc(conversation)}/`,
  target: (conversation: string) => `notify/targets/${enc(conversation)}`,
  filter: (conversation: string) => `notify/filters/${enc(conversation)}`,
  allFilters: 'notify/filters/',
  settings: (conversation: string) => `notify/settings/${enc(conversation)}`,
  thread: (conversation: string, ticketId: string) => `notify/threads/${enc(conversation)}/${enc(ticketId)}`,
  threadsOf: (conversation: string) => `notify/threads/${enc(conversation)}/`,
  shown: (conversation: string, ticketId: string) => `notify/shown/${enc(conversation)}/${enc(ticketId)}`,
  shownOf: (conversation: string) => `notify/shown/${enc(conversation)}/`,
  snapshot: 'notify/snapshot',
  notes: (ticketId: string) => `notify/notes/${enc(ticketId)}`,
  outbox: (eventId: string) => `notify/outbox/${eventId}`,
  allOutbox: 'notify/outbox/',
  delivery: (eventId: string, conversation: string) => `notify/delivered/${eventId}/${enc(conversation)}`,
  deliveriesOf: (eventId: string) => `notify/delivered/${eventId}/`,
  held: (conversation: string, eventId: string) => `notify/held/${enc(conversation)}/${eventId}`,
  heldOf: (conversation: string) => `notify/held/${enc(conversation)}/`,
  allHeld: 'notify/held/',
} as const;

/** The last segment of a key, decoded (a conversation or ticket id). */
export function lastSegment(key: string): string {
  return decodeURIComponent(key.slice(key.lastIndexOf('/') + 1));
}

/** The segment after `prefix` (which ends with '/'), decoded. */
export function segmentAfter(key: string, prefix: string): string {
  const rest = key.slice(prefix.length);
  const slash = rest.indexOf('/');
  return decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
}
