import type { BackView } from '../../protocol/views';
import { userDetailCard } from '../../cards/user-detail-card';
import { userListCard } from '../../cards/user-list-card';
import type { BotDeps } from '../deps';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import { fetchPage } from './paging';

export async function listUsers(turn: Turn, query: { search?: string; skip?: number }, deps: BotDeps): Promise<Reply> {
  const search = query.search?.trim() || undefined;
  const page = await fetchPage((q) => deps.mmd.users.list(q, { signal: turn.signal }), { search, skip: query.skip ?? 0 });
  return card(userListCard({ page, search, now: nowFor(turn, deps) }));
}

export async function showUser(turn: Turn, query: { upn: string; back?: BackView }, deps: BotDeps): Promise<Reply> {
  const user = await deps.mmd.users.get(query.upn, { signal: turn.signal });
  if (!user) return say('I could not find a user ', { value: query.upn }, ' with managed devices.');
  return card(userDetailCard({ user, now: nowFor(turn, deps), back: query.back }));
}
