import type { TicketType } from './types';

// Maps, not object literals: a raw value like "constructor" must not find a prototype member.
const TICKET_TYPES = new Map<string, TicketType>([
  ['requestforinformation', 'RequestForInformation'],
  ['changerequest', 'ChangeRequest'],
  ['incident', 'Incident'],
]);

/**
 * The request spelling of a ticket type from whatever the service sent ("Change Request",
 * " incident ", "request_for_information"), a TicketType when it is one; anything unknown comes back as given.
 */
export function normalizeTicketType(raw: string): string {
  return TICKET_TYPES.get(raw.replace(/[\s_-]+/g, '').toLowerCase()) ?? raw;
}

const TYPE_LABELS = new Map<string, string>([
  ['RequestForInformation', 'Request for information'],
  ['ChangeRequest', 'Change request'],
  ['Incident', 'Incident'],
]);

/** A label for people: "Change request"; unknown values trimmed, otherwise as given. */
export function ticketTypeLabel(raw: string | null): string {
  if (raw === null) return '';
  return TYPE_LABELS.get(normalizeTicketType(raw)) ?? raw.trim();
}

const SEVERITY_NAMES = new Map<number, string>([
  [1, 'Critical'],
  [2, 'High'],
  [3, 'Moderate'],
  [4, 'Low'],
]);

/** 1 Critical, 2 High (as the documents call it), 3 Moderate, 4 Low; else `Unknown (n)`. */
export function severityName(severity: number | null): string {
  if (severity === null) return 'Unknown';
  return SEVERITY_NAMES.get(severity) ?? `Unknown (${severity})`;
}
