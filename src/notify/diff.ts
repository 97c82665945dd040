import {
  WATCHED_FIELDS,
  type FieldValue,
  type NoteSummary,
  type TicketChange,
  type TicketSnapshot,
  type WatchedField,
} from '../protocol/ticket-change';

export { type TicketChange };

/** Blank text and null are the same "unset" to a reader; times compare as instants. */
function normalize(field: WatchedField, value: FieldValue): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (field === 'nextActionTime' || field === 'resolvedDateTime') {
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? trimmed : new Date(at).toISOString();
  }
  // "Active" and "active " are one state (the service's enums drift in case and spacing).
  return field === 'state' ? trimmed.toLowerCase() : trimmed;
}

/** The watched fields that differ between two snapshots of one ticket, in a fixed order. */
export function diffTicket(before: TicketSnapshot, after: TicketSnapshot): TicketChange[] {
  const changes: TicketChange[] = [];
  for (const field of WATCHED_FIELDS) {
    const from = before[field];
    const to = after[field];
    if (normalize(field, from) !== normalize(field, to)) changes.push({ kind: 'field', field, from, to });
  }
  return changes;
}

/** Notes whose id was not seen before, oldest first. */
export function newNotes(seenIds: readonly string[], notes: readonly NoteSummary[]): NoteSummary[] {
  const seen = new Set(seenIds);
  const time = (n: NoteSummary) => Date.parse(n.createdDateTime ?? '') || 0;
  return notes.filter((n) => !seen.has(n.id)).sort((a, b) => time(a) - time(b));
}
