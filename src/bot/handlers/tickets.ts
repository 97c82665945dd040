import { notesCard } from '../../cards/notes-card';
import { ticketDetailCard } from '../../cards/ticket-detail-card';
import { ticketListCard } from '../../cards/ticket-list-card';
import type { TicketFilters } from '../../protocol/ticket-filters';
import type { VerbData } from '../../protocol/verbs';
import type { BackView } from '../../protocol/views';
import type { Ticket } from '../../mmd/types';
import { TICKET_ID_PATTERN, isTicketIdFragment } from '../../intents/ticket-id';
import type { BotDeps } from '../deps';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import { fetchPage } from './paging';
import { searchTicketTitles } from './ticket-search';
import { canChange } from './can-change';

export async function listTickets(turn: Turn, query: TicketFilters & { skip?: number }, deps: BotDeps): Promise<Reply> {
  const filters: TicketFilters = {
    states: [...new Set(query.states.map((s) => s.trim().toLowerCase()).filter(Boolean))],
    severities: [...new Set(query.severities)].sort(),
    text: query.text?.trim() || undefined,
  };
  const base = {
    states: filters.states,
    severities: filters.severities,
    orderBy: { field: 'createdDateTime' as const, direction: 'desc' as const },
  };
  const skip = query.skip ?? 0;
  // A ticket id or its start (`tickets 1465058`) is looked for in ids as well as titles.
  const match =
    filters.text && isTicketIdFragment(filters.text) ? { titleOrIdContains: filters.text.toUpperCase() } : { titleContains: filters.text };
  const page = await fetchPage((q) => deps.mmd.tickets.list(q, { signal: turn.signal }), { ...base, ...match, skip });
  // The document's contains(title,'Test') does not say whether case matters (the emulator, like
  // OData, matches case): when nothing matched, look again ignoring case, over a bounded scan.
  if (filters.text && page.items.length === 0) {
    const local = await searchTicketTitles(deps, base, filters.text, skip, turn.signal);
    if (local.page.items.length > 0) return card(ticketListCard({ ...local, filters, now: nowFor(turn, deps) }));
  }
  return card(ticketListCard({ page, filters, now: nowFor(turn, deps) }));
}

/** The filter choice sets on the ticket list send comma-separated values. */
export function filtersFromChoices(choice: { state?: string; severity?: string; text?: string }): TicketFilters {
  const split = (v?: string) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    states: split(choice.state).filter((s) => /^[a-z ]{1,32}$/i.test(s)),
    severities: split(choice.severity)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 1 && n <= 4),
    text: choice.text,
  };
}

const EXAMPLE_SHAPE = 'MMD-1465058-R5V8P';

function ticketNotFound(id: string): Reply {
  // "ticket 12345": say what ids look like rather than only "not found".
  const shape = TICKET_ID_PATTERN.test(id) ? '' : ` Ticket IDs look like ${EXAMPLE_SHAPE}.`;
  return say('I could not find ticket ', { value: id }, `.${shape} Type `, { command: 'tickets' }, ' to see recent tickets.');
}

/**
 * The tickets whose id holds `fragment` (`MMD-1465058`, `1465058`): the one ticket's card when
 * one matches, the list when more do; null when the text is not an id's start or none matches.
 */
export async function ticketsByIdStart(turn: Turn, fragment: string, deps: BotDeps): Promise<Reply | null> {
  if (!isTicketIdFragment(fragment)) return null;
  const text = fragment.trim().toUpperCase();
  const page = await fetchPage((q) => deps.mmd.tickets.list(q, { signal: turn.signal }), {
    titleOrIdContains: text,
    orderBy: { field: 'createdDateTime' as const, direction: 'desc' as const },
    skip: 0,
  });
  const byId = page.items.filter((t) => t.id.toUpperCase().includes(text));
  if (byId.length === 0) return null;
  if (byId.length === 1) return showTicket(turn, { id: (byId[0] as Ticket).id }, deps);
  return card(ticketListCard({ page, filters: { states: [], severities: [], text }, now: nowFor(turn, deps) }));
}

export async function showTicket(turn: Turn, query: VerbData<'ticket.open'> | { id: string }, deps: BotDeps): Promise<Reply> {
  const ticket = await deps.mmd.tickets.get(query.id, { signal: turn.signal });
  if (!ticket) return (TICKET_ID_PATTERN.test(query.id) ? null : await ticketsByIdStart(turn, query.id, deps)) ?? ticketNotFound(query.id);
  const [notes, subscribed] = await Promise.all([
    deps.mmd.tickets.notes(ticket.id, { signal: turn.signal }),
    deps.notify.subscriptions.isSubscribed(ticket.id, turn.conversationId),
  ]);
  // Refresh (a button on the card) answers in place: that message shows this ticket now.
  if (turn.kind === 'invoke' && turn.replyToId) await deps.notify.messages.setShownCard(turn.conversationId, ticket.id, turn.replyToId);
  return card(
    ticketDetailCard({ ticket, notes, now: nowFor(turn, deps), subscribed, back: backFrom(query), canChange: await canChange(turn, deps) }),
  );
}

export async function showNotes(turn: Turn, query: { id: string }, deps: BotDeps): Promise<Reply> {
  const ticket = await deps.mmd.tickets.get(query.id, { signal: turn.signal });
  if (!ticket) return ticketNotFound(query.id);
  const notes = await deps.mmd.tickets.notes(ticket.id, { signal: turn.signal });
  return card(notesCard({ ticketId: ticket.id, notes, now: nowFor(turn, deps) }));
}

/** Back to the list a ticket was opened from: its filter inputs came with the Open button. */
function backFrom(query: VerbData<'ticket.open'> | { id: string }): BackView | undefined {
  if (!('fromList' in query) || !query.fromList) return 'back' in query ? query.back : undefined;
  const data = Object.fromEntries(Object.entries({ state: query.state, severity: query.severity, text: query.text }).filter(([, v]) => v));
  return { verb: 'tickets.filter', data };
}
