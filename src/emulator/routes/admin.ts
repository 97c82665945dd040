/** Routes that exist only in the emulator: fault injection and reseeding. No token needed. */
import { z } from 'zod';
import { badRequest } from '../errors';
import { noContent, ok, type RouteHandler } from '../http';
import { validate } from '../validation';

const faultSchema = z.object({
  method: z.string().optional(),
  path: z.string().min(1),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  status: z.number().int().min(100).max(599).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
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
