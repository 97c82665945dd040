import type { BackView } from '../../protocol/views';
import { deviceDetailCard } from '../../cards/device-detail-card';
import { deviceListCard } from '../../cards/device-list-card';
import type { BotDeps } from '../deps';
import { ticketsByIdStart } from './tickets';
import { canChange } from './can-change';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import { isNonCompliant, isNonCompliantQuery, modelOrNameMatcher, searchDevicesLocally } from './device-search';
import { fetchPage } from './paging';

export async function listDevices(turn: Turn, query: { search?: string; skip?: number }, deps: BotDeps): Promise<Reply> {
  const search = query.search?.trim() || undefined;
  const skip = query.skip ?? 0;
  if (search && isNonCompliantQuery(search)) {
    const local = await searchDevicesLocally(deps, isNonCompliant, 'compliance state', skip, turn.signal);
    return card(deviceListCard({ ...local, search, now: nowFor(turn, deps) }));
  }
  const page = await fetchPage((q) => deps.mmd.devices.list(q, { signal: turn.signal }), { search, skip });
  // Nothing by name, serial or user: try model and the user's full name, which the service's
  // search does not cover (device-search.ts), and say so.
  if (search && page.items.length === 0) {
    const local = await searchDevicesLocally(deps, modelOrNameMatcher(search), 'model and user name', skip, turn.signal);
    if (local.page.items.length > 0) return card(deviceListCard({ ...local, search, now: nowFor(turn, deps) }));
  }
  return card(deviceListCard({ page, search, now: nowFor(turn, deps) }));
}

export async function showDevice(turn: Turn, query: { name: string; back?: BackView }, deps: BotDeps): Promise<Reply> {
  const device = await deps.mmd.devices.get(query.name, { signal: turn.signal });
  // `MMD-1465058` has a device name's shape and is the start of a ticket id: no device, so a ticket.
  if (!device)
    return (
      (await ticketsByIdStart(turn, query.name, deps)) ??
      say('I could not find a device named ', { value: query.name }, '. Try ', { command: `devices ${query.name}` }, ' to search.')
    );
  return card(deviceDetailCard({ device, now: nowFor(turn, deps), back: query.back, canChange: await canChange(turn, deps) }));
}
