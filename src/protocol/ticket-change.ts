/**
 * What a ticket notification talks about: the ticket as the notifier remembers it and the
 * changes it noticed. The notifier (src/notify) produces them, the cards (src/cards) show them;
 * both read the shapes from here, so neither imports the other for a type.
 */

/** The fields whose change a subscriber hears about. */
export const WATCHED_FIELDS = ['state', 'severity', 'nextActionOwner', 'nextActionTime', 'resolvedDateTime'] as const;
export type WatchedField = (typeof WATCHED_FIELDS)[number];

export type FieldValue = string | number | null;

/** A note as a notification carries it: the id and what the card shows. */
export interface NoteSummary {
  id: string;
  sender: string | null;
  createdDateTime: string | null;
  text: string;
  renderType: string | null;
}

export type TicketChange =
  { kind: 'field'; field: WatchedField; from: FieldValue; to: FieldValue } | { kind: 'note'; note: NoteSummary } | { kind: 'created' };

/**
 * What the notifier remembers of a ticket between polls: the fields a subscriber hears about,
 * plus the key facts a notification card shows. Small on purpose: the poller keeps one per
 * ticket of the tenant.
 */
export interface TicketSnapshot {
  id: string;
  title: string | null;
  state: string | null;
  severity: number | null;
  nextActionOwner: string | null;
  nextActionTime: string | null;
  resolvedDateTime: string | null;
  createdDateTime: string | null;
}
