import type { Now } from './local-time';
import { TICKET_STATES } from '../intents/entities';
import type { TicketFilters } from '../protocol/ticket-filters';
import type { Ticket } from '../mmd/types';
import type { Page } from '../http/paging';
import { execute, executeIfValid } from './card-action';
import { plain, plainShort, words } from './escape';
import { relativeTime, severityColor, severityName, ticketStateColor, ticketStateLabel, ticketTypeLabel } from './format';
import { pageRange, pagingActions } from './paging';
import { renderCard, type AdaptiveCard } from './render';

export interface TicketListInput {
  /** When the bot searched titles itself (ticket-search.ts): what it searched. */
  searched?: string;
  page: Page<Ticket>;
  filters: TicketFilters;
  now: Now;
}

// Every state the filter offers: New, Active, Resolved, Closed (src/intents/entities.ts says why).
const KNOWN_STATES = TICKET_STATES;
// Only Apply reads the filter inputs; paging keeps the filters the page was made with.
const ONLY_DATA = { ignoreInputs: true };
const SEVERITIES = [1, 2, 3, 4];

/**
 * One page of tickets with the filters that produced it: state and severity pickers and a
 * title search (Apply sends `tickets.filter`), rows that open the ticket, paging that keeps the
 * filters, and a New ticket button.
 */
export function ticketListCard({ page, filters, searched, now }: TicketListInput): AdaptiveCard {
  const states = filters.states.map((s) => s.trim().toLowerCase()).filter(Boolean);
  // States are words; anything odd (typed by hand) is kept for paging but not offered as a choice.
  const choiceStates = states.filter((s) => /^[a-z][a-z -]{0,31}$/.test(s));
  const text = filters.text?.trim() || undefined;
  const rows = page.items.map((ticket) => {
    // The filter inputs go with the button: the detail's Back re-applies them.
    const open = executeIfValid('Open', 'ticket.open', { id: ticket.id.trim(), fromList: true });
    return {
      title: plainShort(ticket.title, 120, '(no title)'),
      titleColor: open ? 'Accent' : 'Default',
      open,
      detail: words(
        [
          plainShort(ticket.id, 64, '(no id)'),
          plain(ticketTypeLabel(ticket.type)),
          `created ${relativeTime(ticket.createdDateTime, now)}`,
          ticket.nextActionOwner?.trim() ? `next: ${plainShort(ticket.nextActionOwner, 40)}` : '',
        ]
          .filter((part) => part !== '')
          .join(' · '),
      ),
      severity: plain(severityName(ticket.severity)),
      severityColor: severityColor(ticket.severity),
      state: plain(ticketStateLabel(ticket.state)),
      stateColor: ticketStateColor(ticket.state),
    };
  });
  const filtered = states.length > 0 || filters.severities.length > 0 || text !== undefined;
  return renderCard('ticket-list', {
    summary: words([summary(states, filters.severities, text, pageRange(page)), searched ?? ''].filter(Boolean).join(' · ')),
    stateValue: choiceStates.join(','),
    stateChoices: [...new Set([...KNOWN_STATES, ...choiceStates])].map((s) => ({ title: plain(ticketStateLabel(s)), value: s })),
    severityValue: filters.severities.join(','),
    severityChoices: SEVERITIES.map((n) => ({ title: severityName(n), value: String(n) })),
    textValue: text ?? '',
    filterActions: [
      execute('Apply filters', 'tickets.filter', {}),
      execute(
        'New ticket',
        'ticket.newForm',
        { from: { verb: 'tickets.page', data: { states, severities: filters.severities, text, skip: page.skip } } },
        ONLY_DATA,
      ),
    ],
    emptyText: page.skip > 0 ? 'No more tickets.' : filtered ? 'No tickets match these filters.' : 'No support tickets yet.',
    rows,
    actions: pagingActions(page, (title, skip) =>
      execute(title, 'tickets.page', { states, severities: filters.severities, text, skip }, ONLY_DATA),
    ),
  });
}

function summary(states: string[], severities: number[], text: string | undefined, showing: string): string {
  const parts = [
    states.length ? states.map((s) => plain(ticketStateLabel(s))).join(' or ') : 'Any state',
    severities.length ? severities.map((n) => plain(severityName(n))).join(' or ') : 'any severity',
    text ? `title contains “${plainShort(text, 100)}”` : '',
    showing,
  ];
  return parts.filter((p) => p !== '').join(' · ');
}
