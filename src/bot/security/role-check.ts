import { createUserCache } from './user-cache';
import type { Role } from '../../config/roles';
import type { GraphClient } from '../../graph/graph-client';
import { GraphApiError } from '../../graph/graph-api-error';
import type { Asker } from './member-identity';
import type { AdminCheck } from './admin-check';
import { memberIdentity } from './member-identity';

/** `checkFailed`: a group look-up failed, so the role may be higher than `role`; the user may retry. */
export interface RoleDecision {
  role: Role;
  checkFailed: boolean;
}

export interface RoleCheck {
  /** The sender's role: admin (admin check), else operator (list or group), else the default. */
  of(turn: Asker): Promise<RoleDecision>;
}

export interface RoleCheckOptions {
  admins: AdminCheck;
  /** Object ids and/or UPNs, lower-cased (config.roles.operators). */
  operators: string[];
  operatorGroupId?: string;
  graph?: GraphClient;
  defaultRole: Role;
  now: () => Date;
  /** How long an operator answer is kept per user (default 5 minutes, as the admin check). */
  ttlMs?: number;
}

/**
 * Role resolution for dispatch (src/bot/dispatch.ts) and help. Admins come from the existing
 * admin check (ELEVATION_ADMINS / ELEVATION_ADMIN_GROUP_ID, cached there); operators from
 * OPERATORS / OPERATOR_GROUP_ID; everyone else has DEFAULT_ROLE. A failed group look-up never
 * raises a role (fails closed) and is reported so the refusal can say "try again".
 */
export function createRoleCheck(options: RoleCheckOptions): RoleCheck {
  const operators = new Set(options.operators.map((o) => o.trim().toLowerCase()).filter(Boolean));
  // A definite yes or no is kept for the TTL; a failed look-up is never kept.
  const cache = createUserCache<boolean>(options.now, options.ttlMs);

  async function isOperatorCached(turn: Asker): Promise<boolean | 'failed'> {
    const cached = cache.get(turn);
    if (cached !== undefined) return cached;
    const operator = await isOperator(turn);
    if (operator !== 'failed') cache.set(turn, operator);
    return operator;
  }

  async function isOperator(turn: Asker): Promise<boolean | 'failed'> {
    const { upn, aadObjectId } = await memberIdentity(turn);
    if (aadObjectId && operators.has(aadObjectId.toLowerCase())) return true;
    if (upn && operators.has(upn)) return true;
    const group = options.operatorGroupId;
    if (!group || !options.graph || !aadObjectId) return false;
    try {
      const groups = await options.graph.users.checkMemberGroups(aadObjectId, [group], { signal: turn.signal });
      return groups.some((g) => g.toLowerCase() === group.toLowerCase());
    } catch (err) {
      if (err instanceof GraphApiError && err.status === 404) return false;
      turn.log.warn({ err }, 'operator group check failed');
      return 'failed';
    }
  }

  return {
    async of(turn) {
      if (options.defaultRole === 'admin') return { role: 'admin', checkFailed: false };
      const admin = await options.admins.check(turn);
      if (admin.allowed) return { role: 'admin', checkFailed: false };
      let checkFailed = admin.reason === 'check_failed';
      if (options.defaultRole === 'operator') return { role: 'operator', checkFailed };
      const operator = await isOperatorCached(turn);
      if (operator === true) return { role: 'operator', checkFailed: false };
      checkFailed ||= operator === 'failed';
      return { role: options.defaultRole, checkFailed };
    },
  };
}
