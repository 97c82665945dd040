import { deviceDetailCard } from '../../cards/device-detail-card';
import { deviceListCard } from '../../cards/device-list-card';
import { md } from '../../cards/escape';
import type { BotDeps } from '../deps';
import { card, text, type Reply } from '../reply';
import type { Turn } from '../turn';
import { fetchPage } from './paging';

export async function listDevices(
  turn: Turn,
  query: { search?: string; skip?: number },
  deps: BotDeps,
): Promise<Reply> {
  const search = query.search?.trim() || undefined;
  const page = await fetchPage((q) => deps.mmd.devices.list(q, { signal: turn.signal }), { search, skip: query.skip ?? 0 });
  return card(deviceListCard({ page, search, now: deps.now() }));
}

export async function showDevice(turn: Turn, query: { name: string }, deps: BotDeps): Promise<Reply> {
  const device = await deps.mmd.devices.get(query.name, { signal: turn.signal });
  if (!device) return text(`I could not find a device named **${md(query.name)}**. Try \`devices ${md(query.name)}\` to search.`);
  return card(deviceDetailCard({ device, now: deps.now() }));
}
