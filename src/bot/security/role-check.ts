import { createUserCache } from './user-cache';
import { ALL_ROLES, grantsOf, type DefaultRole, type Grants } from '../../config/roles';
import type { GraphClient } from '../../graph/graph-client';
import { GraphApiError } from '../../graph/graph-api-error';
import type { Asker } from './member-identity';
import type { AdminCheck } from './admin-check';
import { memberIdentity } from './member-identity';

/** `checkFailed`: a look-up failed, so the user may hold more than `roles`; they may retry. */
export interface RoleDecision {
  roles: Grants;
  checkFailed: boolean;
}

export interface RoleCheck {
  /** The sender's roles: each admin role from its check, operator from its list or group, else DEFAULT_ROLE. */
  of(turn: Asker): Promise<RoleDecision>;
}

export interface RoleCheckOptions {
  /** The elevation-admin check (ELEVATION_ADMINS / ELEVATION_ADMIN_GROUP_ID). */
  admins: AdminCheck;
  /** The bot-admin check (BOT_ADMINS / BOT_ADMIN_GROUP_ID). */
  botAdmins: AdminCheck;
  /** Object ids and/or UPNs, lower-cased (config.roles.operators). */
  operators: string[];
  operatorGroupId?: string;
  graph?: GraphClient;
  defaultRole: DefaultRole;
  now: () => Date;
  /** How long an operator answer is kept per user (default 5 minutes, as the admin check). */
  ttlMs?: number;
}

/**
 * Role resolution for dispatch (src/bot/dispatch.ts), help and the tab. The two admin roles come
 * from their admin checks (ELEVATION_ADMINS / BOT_ADMINS and their groups, cached there); operators from
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
      if (options.defaultRole === 'admin') return { roles: ALL_ROLES, checkFailed: false };
      const [elevation, bot] = await Promise.all([options.admins.check(turn), options.botAdmins.check(turn)]);
      const elevationAdmin = elevation.allowed;
      const botAdmin = bot.allowed;
      let checkFailed = (!elevation.allowed && elevation.reason === 'check_failed') || (!bot.allowed && bot.reason === 'check_failed');
      let operator = options.defaultRole === 'operator' || elevationAdmin || botAdmin;
      if (!operator) {
        const found = await isOperatorCached(turn);
        operator = found === true;
        checkFailed ||= found === 'failed';
      }
      // A user with every role lost nothing to a failed look-up.
      if (elevationAdmin && botAdmin) checkFailed = false;
      return { roles: grantsOf({ operator, elevationAdmin, botAdmin }), checkFailed };
    },
  };
}
