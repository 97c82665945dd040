import type { Turn } from '../turn';

/**
 * A per-user answer kept for `ttlMs` (the admin check's and the role check's), so a busy user
 * does not cost a Graph call per turn, and a removed admin or operator loses access within the
 * TTL. Bounded: the oldest entry goes first.
 */
export interface UserCache<V> {
  get(turn: Pick<Turn, 'user'>): V | undefined;
  set(turn: Pick<Turn, 'user'>, value: V): void;
}

const MAX_CACHED = 1000;
const DEFAULT_TTL_MS = 5 * 60_000;

export function createUserCache<V>(now: () => Date, ttlMs = DEFAULT_TTL_MS): UserCache<V> {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  const keyOf = (turn: Pick<Turn, 'user'>) => `${turn.user.id}\u0000${turn.user.aadObjectId ?? ''}`;
  return {
    get(turn) {
      const entry = entries.get(keyOf(turn));
      return entry && entry.expiresAt > now().getTime() ? entry.value : undefined;
    },
    set(turn, value) {
      const key = keyOf(turn);
      entries.delete(key);
      if (entries.size >= MAX_CACHED) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expiresAt: now().getTime() + ttlMs });
    },
  };
}
