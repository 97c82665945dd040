import { elevationListCard } from '../../cards/elevation-list-card';
import type { BotDeps } from '../deps';
import { card, type Reply } from '../reply';
import type { Turn } from '../turn';
import { PAGE_SIZE } from './paging';

export async function listElevations(
  _turn: Turn,
  query: { deviceName?: string; skip?: number },
  deps: BotDeps,
): Promise<Reply> {
  const deviceName = query.deviceName?.trim() || undefined;
  const page = await deps.mmd.elevations.list({ deviceName, top: PAGE_SIZE, skip: query.skip ?? 0 });
  return card(elevationListCard({ page, deviceName, now: deps.now() }));
}
