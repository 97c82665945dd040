import type { MmdClient, TicketListQuery } from '../mmd-client';
import { allOf, contains, eq, key, or, type Filter } from '../../http/odata';
import { type TicketField } from '../odata';
import type { LinkedQuery } from '../../http/paging';
import { parseCollection, parseEntity } from '../parse-common';
import { noteSchema, ticketSchema } from '../parse-ticket';
import type { NewTicket } from '../types';
import { listPage, orNull, type ResourceContext } from './resource-context';

const ORDER_FIELDS = new Set(['createdDateTime', 'severity', 'title', 'state']);

/** The $filter for a ticket query: states or-ed, severities or-ed, title contains, title or id contains, title eq; and-ed. */
export function ticketFilter(query: TicketListQuery): Filter<TicketField> | undefined {
  return allOf<TicketField>(
    query.states?.length ? or(...query.states.map((state) => eq('state', state))) : undefined,
    query.severities?.length ? or(...query.severities.map((severity) => eq('severity', severity))) : undefined,
    query.titleContains ? contains('title', query.titleContains) : undefined,
    query.titleOrIdContains ? or(contains('title', query.titleOrIdContains), contains('id', query.titleOrIdContains)) : undefined,
    query.title !== undefined ? eq('title', query.title) : undefined,
  );
}

function orderBy(query: TicketListQuery): string {
  const field = query.orderBy?.field ?? 'createdDateTime';
  if (!ORDER_FIELDS.has(field)) throw new RangeError(`Tickets cannot be ordered by ${field}`);
  return `${field} ${query.orderBy?.direction === 'asc' ? 'asc' : 'desc'}`;
}

/**
 * Tickets live at the API root, not under the tenant: tickets, tickets('ID'),
 * tickets('ID')/notes, tickets('ID')/addNote.
 */
export function ticketsResource(context: ResourceContext): MmdClient['tickets'] {
  return {
    list: (query: LinkedQuery<TicketListQuery> = {}, options = {}) =>
      listPage(
        context,
        'tickets',
        ticketSchema,
        query,
        { $filter: ticketFilter(query)?.toString(), $orderby: orderBy(query) },
        options.signal,
      ),

    get: (id, options = {}) =>
      orNull(async () => {
        const path = `tickets${key(id)}`;
        const response = await context.send({ method: 'GET', path, signal: options.signal });
        return parseEntity(ticketSchema, response.body, { method: 'GET', path });
      }),

    // Not idempotent: see retry-policy.ts. A lost answer surfaces as outcome_unknown.
    async create(ticket: NewTicket, options = {}) {
      const response = await context.send({
        method: 'POST',
        path: 'tickets',
        body: ticket,
        idempotent: false,
        unknownOutcome: 'the ticket may or may not have been created',
        signal: options.signal,
      });
      return parseEntity(ticketSchema, response.body, { method: 'POST', path: 'tickets' });
    },

    async notes(id, options = {}) {
      const path = `tickets${key(id)}/notes`;
      const response = await context.send({ method: 'GET', path, signal: options.signal });
      return parseCollection(noteSchema, response.body, { method: 'GET', path }).items;
    },

    async addNote(id, text, options = {}) {
      await context.send({
        method: 'POST',
        path: `tickets${key(id)}/addNote`,
        body: { text },
        idempotent: false,
        unknownOutcome: 'the note may or may not have been added',
        signal: options.signal,
      });
    },
  };
}
