import { elevationDetailCard } from '../../cards/elevation-detail-card';
import { elevationListCard } from '../../cards/elevation-list-card';
import type { BackView } from '../../protocol/views';
import type { BotDeps } from '../deps';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import { fetchPage } from './paging';

/** `state`: open (not closed yet) or closed requests only; absent: both. */
export async function listElevations(
  turn: Turn,
  query: { deviceName?: string; state?: 'open' | 'closed'; skip?: number },
  deps: BotDeps,
): Promise<Reply> {
  const deviceName = query.deviceName?.trim() || undefined;
  const open = query.state === undefined ? undefined : query.state === 'open';
  const page = await fetchPage((q) => deps.mmd.elevations.list(q, { signal: turn.signal }), { deviceName, open, skip: query.skip ?? 0 });
  return card(elevationListCard({ page, deviceName, state: query.state, now: nowFor(turn, deps) }));
}

/**
 * One request, opened from a list row. The documents give elevation requests no GET by id, so
 * it is the list filtered by id (and device, when known). No password here: that is
 * `elevation <device>`, for admins in a 1:1 chat.
 */
export async function showElevation(
  turn: Turn,
  query: { id: string; deviceName?: string; back?: BackView },
  deps: BotDeps,
): Promise<Reply> {
  const deviceName = query.deviceName?.trim() || undefined;
  const page = await deps.mmd.elevations.list({ id: query.id, deviceName, top: 1 }, { signal: turn.signal });
  const request = page.items.find((r) => r.id.trim().toLowerCase() === query.id.trim().toLowerCase());
  if (!request)
    return say('I could not find elevation request ', { value: query.id }, '. Type ', { command: 'elevations' }, ' to see the list.');
  return card(elevationDetailCard({ request, now: nowFor(turn, deps), back: query.back }));
}
