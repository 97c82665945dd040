/**
 * The tab's gate to the one policy (src/bot/use-cases.ts): the SSO user is judged by the same
 * role checks, with the same words, as in chat, before any handler runs. The tab's handlers hold
 * no role, limit or input rule of their own.
 */
import { describeGrants, roleAllows, type Grants } from '../config/roles';
import type { Logger } from '../log/logger';
import type { Asker } from '../bot/security/member-identity';
import type { RoleCheck } from '../bot/security/role-check';
import { roleRefusalText } from '../bot/security/role-refusal';
import { roleOf, type UseCaseName } from '../bot/use-cases';
import type { SsoUser } from './sso-token-verifier';
import { TabError } from './tab-error';

export interface TabPolicy {
  /** The user's role when it allows `useCase`; otherwise a 403 TabError with the chat's words about `what`. */
  permit(user: SsoUser, useCase: UseCaseName, what: string, correlationId: string): Promise<Grants>;
}

/** How long a role look-up (a Graph group check at most) may take for one tab request. */
const ROLE_CHECK_MS = 10_000;

/** The SSO user as the role checks see a chat sender: object id, UPN and name from the token. */
function askerFor(user: SsoUser, logger: Logger, correlationId: string): Asker {
  return {
    correlationId,
    // The SSO token has no Teams user id: the object id stands for it (as in the tab's audit).
    user: { id: user.oid, aadObjectId: user.oid, name: user.name || undefined },
    member: async () => ({ userPrincipalName: user.upn || undefined, aadObjectId: user.oid, name: user.name || undefined }),
    signal: AbortSignal.timeout(ROLE_CHECK_MS),
    log: logger.child({ correlationId, where: 'tab' }),
  };
}

export function createTabPolicy(options: { roles: RoleCheck; mode: 'sandbox' | 'live'; logger: Logger }): TabPolicy {
  return {
    async permit(user, useCase, what, correlationId) {
      const asker = askerFor(user, options.logger, correlationId);
      const decision = await options.roles.of(asker);
      const need = roleOf(useCase);
      if (roleAllows(decision.roles, need)) return decision.roles;
      asker.log.warn({ need, role: describeGrants(decision.roles), checkFailed: decision.checkFailed, useCase }, 'refused: role too low');
      const words = await roleRefusalText(asker, what, need, decision, options.mode);
      throw new TabError(decision.checkFailed ? 503 : 403, decision.checkFailed ? 'sso_unavailable' : 'forbidden', words);
    },
  };
}
