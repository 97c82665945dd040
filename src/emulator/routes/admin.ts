/** Routes that exist only in the emulator: fault injection, reseeding, ticket changes. No token needed. */
import { z } from 'zod';
import { badRequest, notFound } from '../errors';
import { noContent, ok, type RouteHandler } from '../http';
import { validate } from '../validation';

const faultSchema = z.object({
  method: z.string().optional(),
  path: z.string().min(1),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  status: z.number().int().min(100).max(599).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  carryOut: z.boolean().optional(),
  streamMb: z.number().int().min(1).max(4096).optional(),
  body: z.unknown().optional(),
  drop: z.boolean().optional(),
  times: z.number().int().min(1).optional(),
});

export const listFaults: RouteHandler = (_req, ctx) => ok({ value: ctx.faults.list() });

export const addFault: RouteHandler = (req, ctx) => {
  const rule = validate(faultSchema, req.body, 'fault rule');
  try {
    ctx.faults.add(rule);
  } catch {
    throw badRequest(`The path '${rule.path}' is not a valid regular expression.`);
  }
  return ok({ value: ctx.faults.list() }, 201);
};

export const clearFaults: RouteHandler = (_req, ctx) => {
  ctx.faults.clear();
  return noContent;
};

const resetSchema = z.object({ seed: z.number().int().optional() });

export const reset: RouteHandler = (req, ctx) => {
  const { seed } = req.body === undefined ? {} : validate(resetSchema, req.body, 'reset');
  ctx.store.reset(seed);
  return noContent;
};

const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO date-time');

const ticketChangeSchema = z
  .object({
    state: z.string().trim().min(1).max(40).optional(),
    severity: z.number().int().min(1).max(4).optional(),
    nextActionOwner: z.string().trim().min(1).max(100).optional(),
    nextActionTime: isoTime.nullable().optional(),
    resolvedDateTime: isoTime.nullable().optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'name at least one field to change');

function adminTicket(req: Parameters<RouteHandler>[0], ctx: Parameters<RouteHandler>[1]) {
  const ticket = ctx.store.getTicket(req.params.key ?? '');
  if (!ticket) throw notFound('This ticket does not exist.');
  return ticket;
}

/**
 * POST /_emulator/tickets/{id}/changes: what Microsoft's engineers do to a ticket (state,
 * severity, next action owner and time, resolved time), so tests and the sandbox can trigger
 * notifications. Answers the changed ticket.
 */
export const changeTicket: RouteHandler = (req, ctx) => {
  const ticket = adminTicket(req, ctx);
  const change = validate(ticketChangeSchema, req.body, 'ticket change');
  return ok(ctx.store.changeTicket(ticket, change));
};

const adminNoteSchema = z.object({
  text: z.string().trim().min(1).max(32_000),
  sender: z.string().trim().min(1).max(200).default('Microsoft Support'),
});

/** POST /_emulator/tickets/{id}/notes: a note from Microsoft's side. Answers the note. */
export const addSupportNote: RouteHandler = (req, ctx) => {
  const ticket = adminTicket(req, ctx);
  const { text, sender } = validate(adminNoteSchema, req.body, 'note');
  return ok(ctx.store.addNote(ticket, text, sender), 201);
};
