import type { Now } from './local-time';
import type { Ticket, TicketContact, TicketNote } from '../mmd/types';
import type { BackView } from '../protocol/views';
import { backActions } from './back-action';
import { executeIfValid, type ExecuteAction } from './card-action';
import { facts, type Fact } from './card-parts';
import { plain, plainJoin, plainShort, words } from './escape';
import { dateTime, severityColor, severityName, ticketStateColor, ticketStateLabel, ticketTypeLabel, yesNo } from './format';
import { noteRows } from './note-rows';
import { renderCard, type AdaptiveCard } from './render';

/** Newest notes shown on the ticket; the notes command shows more. */
const MAX_NOTES = 10;
const MAX_NOTE_CHARS = 600;
const MAX_SECTION_CHARS = 2000;

export interface TicketDetailInput {
  ticket: Ticket;
  /** The list this was opened from: a Back button restores it. */
  back?: BackView;
  /** Notes fetched separately (GET tickets('id')/notes); defaults to the ticket's own. */
  notes?: TicketNote[];
  /** `false`: a ticket as a list or search result carries it, without its notes (not "Notes (0)"). */
  notesKnown?: boolean;
  /** `false` for a role that cannot change tickets: no Add note. */
  canChange?: boolean;
  now: Now;
  /** This conversation follows the ticket: the button offers Unsubscribe instead of Subscribe. */
  subscribed?: boolean;
}

/** One support ticket: every field that is set, the contact, the newest notes, and actions. */
export function ticketDetailCard({
  ticket,
  notes,
  now,
  subscribed = false,
  back,
  notesKnown = true,
  canChange = true,
}: TicketDetailInput): AdaptiveCard {
  const id = ticket.id.trim();
  const allNotes = notes ?? ticket.notes;
  const { rows, hidden } = noteRows(allNotes, now, MAX_NOTES, MAX_NOTE_CHARS);
  const readAll = hidden > 0 ? executeIfValid('Read all notes', 'ticket.notes', { id }) : null;
  return renderCard('ticket-detail', {
    back: backActions(back),
    title: plainShort(ticket.title, 200, '(no title)'),
    severity: plain(severityName(ticket.severity)),
    severityColor: severityColor(ticket.severity),
    state: plain(ticketStateLabel(ticket.state)),
    stateColor: ticketStateColor(ticket.state),
    type: plain(ticketTypeLabel(ticket.type)),
    facts: ticketFacts(ticket, now),
    sections: [
      ['Description', ticket.description],
      ['Business impact', ticket.businessImpact],
      ['Troubleshooting steps', ticket.troubleshootingSteps],
      ['Steps to reproduce', ticket.reproSteps],
    ]
      .filter((s): s is [string, string] => typeof s[1] === 'string' && s[1].trim() !== '')
      .map(([heading, text]) => ({ heading: words(heading), text: plainShort(text, MAX_SECTION_CHARS) })),
    contact: contactFacts(ticket.contact),
    notesHeading: words(notesKnown ? `Notes (${allNotes.length})` : 'Notes'),
    noNotes: notesKnown ? 'No notes yet.' : 'Notes are not in search results: open the ticket in chat to read them.',
    notes: rows,
    olderNotes: words(hidden > 0 ? `${hidden} older ${hidden === 1 ? 'note' : 'notes'} not shown.` : ''),
    notesActions: readAll ? [readAll] : [],
    actions: [
      canChange ? executeIfValid('Add note', 'ticket.addNoteForm', { id, back }) : null,
      subscribed
        ? executeIfValid('Unsubscribe', 'ticket.unsubscribe', { id, view: 'ticket', back })
        : executeIfValid('Subscribe to updates', 'ticket.subscribe', { id, view: 'ticket', back }),
      executeIfValid('Refresh', 'ticket.open', { id, back }),
    ].filter((a): a is ExecuteAction => a !== null),
  });
}

function ticketFacts(ticket: Ticket, now: Now): Fact[] {
  const nextAction = words(
    [
      ticket.nextActionOwner?.trim() ? plainShort(ticket.nextActionOwner, 60) : '',
      ticket.nextActionTime ? dateTime(ticket.nextActionTime, now) : '',
    ]
      .filter((part) => part !== '' && part !== '—')
      .join(', '),
  );
  const impacted = ticket.usersOrDevicesImpacted;
  return facts(
    [
      ['ID', plain(ticket.id)],
      ['Type', plain(ticketTypeLabel(ticket.type))],
      ['Category', plainJoin([ticket.category, ticket.subcategory], 80, '—', ' / ')],
      ['Severity', plain(severityName(ticket.severity))],
      ['State', plain(ticketStateLabel(ticket.state))],
      ['Created', dateTime(ticket.createdDateTime, now)],
      ['Resolved', dateTime(ticket.resolvedDateTime, now)],
      ['Next action', nextAction],
      ['Users/devices impacted', impacted === null || impacted === undefined ? words('') : plain(String(impacted))],
      ['First noticed', dateTime(ticket.issueFirstNoticed, now)],
      ['Reproduced on a non-managed device', yesNo(ticket.issueReproduced)],
      ['End-user support engaged', yesNo(ticket.endUserSupportEngaged)],
      ['Partner ticket', yesNo(ticket.isPartner)],
      ['Compromise indicator', plainShort(ticket.compromiseIndicator, 200)],
      ['Related alerts', plainShort(ticket.relatedAlerts, 200)],
    ],
    true,
  );
}

function contactFacts(contact: TicketContact | null): Fact[] {
  if (!contact) return [];
  return facts(
    [
      ['Name', plainJoin([contact.givenName, contact.surname], 60, '—', ' ')],
      ['Email', plain(contact.email)],
      ['Phone', plain(contact.phoneNumber)],
    ],
    true,
  );
}
