import { createUserCache } from './user-cache';
import type { GraphClient } from '../../graph/graph-client';
import { GraphApiError } from '../../graph/graph-api-error';
import type { Asker } from './member-identity';
import { memberIdentity } from './member-identity';
import type { AdminRole } from '../../config/roles';

export type AdminDecision =
  /** `default`: DEFAULT_ROLE is admin (sandbox mode without lists): everyone is. */
  | { allowed: true; via: 'objectId' | 'upn' | 'group' | 'default'; upn?: string; aadObjectId?: string }
  /** `check_failed`: Graph could not answer; the user may try again (never cached). */
  | { allowed: false; reason: 'not_admin' | 'check_failed'; upn?: string; aadObjectId?: string };

export interface AdminCheck {
  /** Is this turn's sender on the list or in the group (elevation admins, or the bot's admins)? */
  check(turn: Asker): Promise<AdminDecision>;
}

export interface AdminCheckOptions {
  /** Object ids and/or UPNs, lower-cased (config.elevation.admins). */
  admins: string[];
  /** Members of this Entra group are admins too (checked through Graph). */
  adminGroupId?: string;
  graph?: GraphClient;
  now: () => Date;
  /** DEFAULT_ROLE=admin: everyone is an admin (sandbox mode, to try every flow on fake data). */
  everyone?: boolean;
  /** How long a decision is kept per user (default 5 minutes). */
  ttlMs?: number;
  /** Which admin role this checks, for the log. */
  role?: AdminRole;
}

/**
 * The allow-list check behind elevation details and the audit log: the sender's object id
 * (from the activity, else from Teams) or UPN (from Teams) in `admins`, else membership of
 * `adminGroupId` through Graph. Decisions are cached briefly per user, so a busy admin does not
 * cost a Graph call per click, and a removed admin loses access within the TTL. Fails closed.
 */
export function createAdminCheck(options: AdminCheckOptions): AdminCheck {
  const admins = new Set(options.admins.map((a) => a.trim().toLowerCase()).filter(Boolean));
  const cache = createUserCache<AdminDecision>(options.now, options.ttlMs);

  async function decide(turn: Asker): Promise<AdminDecision> {
    const { upn, aadObjectId } = await memberIdentity(turn);
    const who = { upn, aadObjectId };
    if (options.everyone) return { allowed: true, via: 'default', ...who };
    if (aadObjectId && admins.has(aadObjectId.toLowerCase())) return { allowed: true, via: 'objectId', ...who };
    if (upn && admins.has(upn)) return { allowed: true, via: 'upn', ...who };
    if (!options.adminGroupId || !options.graph || !aadObjectId) return { allowed: false, reason: 'not_admin', ...who };
    try {
      const groups = await options.graph.users.checkMemberGroups(aadObjectId, [options.adminGroupId], { signal: turn.signal });
      const member = groups.some((g) => g.toLowerCase() === options.adminGroupId!.toLowerCase());
      return member ? { allowed: true, via: 'group', ...who } : { allowed: false, reason: 'not_admin', ...who };
    } catch (err) {
      // Graph does not know the user (a guest, a deleted account): a definite no.
      if (err instanceof GraphApiError && err.status === 404) return { allowed: false, reason: 'not_admin', ...who };
      turn.log.warn({ err }, 'admin group check failed');
      return { allowed: false, reason: 'check_failed', ...who };
    }
  }

  return {
    async check(turn) {
      const cached = cache.get(turn);
      if (cached) return cached;
      const decision = await decide(turn);
      // A failed Graph look-up is never kept.
      if (decision.allowed || decision.reason === 'not_admin') cache.set(turn, decision);
      turn.log.info(
        { allowed: decision.allowed, via: decision.allowed ? decision.via : decision.reason },
        `${options.role ?? 'elevation-admin'} check`,
      );
      return decision;
    },
  };
}
