import { deviceDetailCard } from '../../cards/device-detail-card';
import { deviceListCard } from '../../cards/device-list-card';
import type { BotDeps } from '../deps';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { fetchPage } from './paging';

export async function listDevices(
  _turn: Turn,
  query: { search?: string; skip?: number },
  deps: BotDeps,
): Promise<Reply> {
  const search = query.search?.trim() || undefined;
  const page = await fetchPage((q) => deps.mmd.devices.list(q), { search, skip: query.skip ?? 0 });
  return card(deviceListCard({ page, search, now: deps.now() }));
}

export async function showDevice(_turn: Turn, query: { name: string }, deps: BotDeps): Promise<Reply> {
  const device = await deps.mmd.devices.get(query.name);
  if (!device) return say('I could not find a device named ', { value: query.name }, '. Try ', { command: `devices ${query.name}` }, ' to search.');
  return card(deviceDetailCard({ device, now: deps.now() }));
}
