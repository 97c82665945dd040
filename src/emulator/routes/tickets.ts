/** tickets, tickets('ID'), tickets('ID')/notes, tickets('ID')/addNote */
import { z } from 'zod';
import { collection } from '../collection';
import { badRequest, notFound } from '../errors';
import { noContent, ok, serviceRoot, type ApiRequest, type RouteContext, type RouteHandler } from '../http';
import type { FieldTypes } from '../odata-filter';
import { filterAndOrder, readListQuery } from '../odata-query';
import type { TicketRecord } from '../records';
import { validate } from '../validation';

const TICKET_NOT_FOUND = 'This ticket does not exist.';

const TICKET_FIELDS: FieldTypes = {
  id: 'string',
  title: 'string',
  description: 'string',
  isPartner: 'boolean',
  type: 'string',
  category: 'string',
  subcategory: 'string',
  compromiseIndicator: 'string',
  usersOrDevicesImpacted: 'number',
  relatedAlerts: 'string',
  businessImpact: 'string',
  issueFirstNoticed: 'datetime',
  issueReproduced: 'boolean',
  endUserSupportEngaged: 'boolean',
  troubleshootingSteps: 'string',
  nextActionOwner: 'string',
  nextActionTime: 'datetime',
  reproSteps: 'string',
  severity: 'number',
  state: 'string',
  createdDateTime: 'datetime',
  resolvedDateTime: 'datetime',
  'contact/givenName': 'string',
  'contact/surname': 'string',
  'contact/email': 'string',
  'contact/phoneNumber': 'string',
};

const text = z.string().trim().min(1, 'must not be empty');

const newTicketSchema = z.object({
  title: text,
  description: text,
  type: z.enum(['RequestForInformation', 'ChangeRequest', 'Incident']),
  category: text,
  subcategory: text,
  severity: z.number().int().min(1).max(4),
  contact: z.object({ givenName: text, surname: text, email: text, phoneNumber: text }),
  usersOrDevicesImpacted: z.number().int().min(0).optional(),
  businessImpact: z.string().optional(),
  issueFirstNoticed: z.string().optional(),
  issueReproduced: z.boolean().optional(),
  endUserSupportEngaged: z.boolean().optional(),
  troubleshootingSteps: z.string().optional(),
  reproSteps: z.string().optional(),
});

const noteSchema = z.object({ text });

function entity(ctx: RouteContext, ticket: TicketRecord): Record<string, unknown> {
  return { '@odata.context': `${serviceRoot(ctx)}$metadata#Tickets/$entity`, ...ticket };
}

function findTicket(req: ApiRequest, ctx: RouteContext): TicketRecord {
  const ticket = ctx.store.getTicket(req.params.key ?? '');
  if (!ticket) throw notFound(TICKET_NOT_FOUND);
  return ticket;
}

export const listTickets: RouteHandler = (req, ctx) => {
  const query = readListQuery(req.query);
  const items = filterAndOrder(ctx.store.tickets(), query, TICKET_FIELDS, 'Ticket');
  // The documents list tickets with empty notes; notes have their own endpoint.
  return collection(req, ctx, 'Tickets', items, query, (ticket: TicketRecord) => ({ ...ticket, notes: [] }));
};

export const createTicket: RouteHandler = (req, ctx) => {
  const input = validate(newTicketSchema, req.body, 'ticket');
  return ok(entity(ctx, ctx.store.createTicket(input)));
};

export const getTicket: RouteHandler = (req, ctx) => ok(entity(ctx, findTicket(req, ctx)));

export const listNotes: RouteHandler = (req, ctx) => {
  const ticket = findTicket(req, ctx);
  const key = ticket.id.replace(/'/g, "''");
  return ok({ '@odata.context': `${serviceRoot(ctx)}$metadata#Tickets('${key}')/notes`, value: ticket.notes });
};

export const addNote: RouteHandler = (req, ctx) => {
  const ticket = findTicket(req, ctx);
  const { text: note } = validate(noteSchema, req.body, 'note');
  if (note.length > 32_000) throw badRequest('The note is too long (at most 32000 characters).');
  ctx.store.addNote(ticket, note, req.caller);
  return noContent;
};
