import type { Storage } from '../storage/storage';
import { writeAudit, type AuditAction, type AuditTargetKind } from '../state/audit-log';
import type { Logger } from '../log/logger';
import type { SsoUser } from './sso-token-verifier';

export interface TabChange {
  action: AuditAction;
  target: { kind: AuditTargetKind; id: string };
  detail?: string;
}

/** Records a change made in the dashboard tab, by the SSO user, `where` = the tab. */
export type TabAuditWriter = (user: SsoUser, change: TabChange, correlationId: string) => Promise<void>;

/**
 * The tab's audit writer. Like the bot's, it runs after the API accepted the change, so a
 * storage failure is logged as an error and the user still gets their answer.
 */
export function tabAuditWriter(storage: Storage, now: () => Date, logger: Logger): TabAuditWriter {
  return async (user, change, correlationId) => {
    try {
      await writeAudit(storage, {
        at: now().toISOString(),
        action: change.action,
        outcome: 'done',
        target: { kind: change.target.kind, id: change.target.id.slice(0, 256) },
        detail: change.detail?.slice(0, 200),
        // The SSO token has no Teams user id: the object id stands for it.
        user: { id: user.oid, aadObjectId: user.oid, upn: user.upn || undefined, name: user.name || undefined },
        conversation: { id: 'tab', kind: 'tab' },
        correlationId,
      });
    } catch (err) {
      logger.error({ err: err, action: change.action }, 'tab: audit record not written');
    }
  };
}
