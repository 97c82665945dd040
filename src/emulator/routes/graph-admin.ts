/** Emulator-only switch: make Graph create refuse (400/403/405) the way a real tenant may. */
import { z } from 'zod';
import { REFUSAL_STATUSES } from '../graph/store';
import { noContent, ok, type RouteHandler } from '../http';
import { validate } from '../validation';

const refusalSchema = z.object({
  collection: z.enum(['incidents', 'troubleshootingEvents']),
  /** null accepts creates again. */
  status: z.union([z.literal(REFUSAL_STATUSES[0]), z.literal(REFUSAL_STATUSES[1]), z.literal(REFUSAL_STATUSES[2]), z.null()]),
});

export const setCreateRefusal: RouteHandler = (req, ctx) => {
  const { collection, status } = validate(refusalSchema, req.body, 'create refusal');
  ctx.store.graph.refuseCreate(collection, status);
  return noContent;
};

export const listCreateRefusals: RouteHandler = (_req, ctx) => ok(ctx.store.graph.refusalsNow());
