import type { BackView } from '../../protocol/verbs';
import { userDetailCard } from '../../cards/user-detail-card';
import { userListCard } from '../../cards/user-list-card';
import type { BotDeps } from '../deps';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { fetchPage } from './paging';

export async function listUsers(_turn: Turn, query: { search?: string; skip?: number }, deps: BotDeps): Promise<Reply> {
  const search = query.search?.trim() || undefined;
  const page = await fetchPage((q) => deps.mmd.users.list(q), { search, skip: query.skip ?? 0 });
  return card(userListCard({ page, search, now: deps.now() }));
}

export async function showUser(_turn: Turn, query: { upn: string; back?: BackView }, deps: BotDeps): Promise<Reply> {
  const user = await deps.mmd.users.get(query.upn);
  if (!user) return say('I could not find a user ', { value: query.upn }, ' with managed devices.');
  return card(userDetailCard({ user, now: deps.now(), back: query.back }));
}
