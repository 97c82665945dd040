import { elevationListCard } from '../../cards/elevation-list-card';
import type { BotDeps } from '../deps';
import { card, type Reply } from '../reply';
import type { Turn } from '../turn';
import { fetchPage } from './paging';

export async function listElevations(
  turn: Turn,
  query: { deviceName?: string; skip?: number },
  deps: BotDeps,
): Promise<Reply> {
  const deviceName = query.deviceName?.trim() || undefined;
  const page = await fetchPage((q) => deps.mmd.elevations.list(q, { signal: turn.signal }), { deviceName, skip: query.skip ?? 0 });
  return card(elevationListCard({ page, deviceName, now: deps.now() }));
}
