import { writeAudit, type AuditAction, type AuditOutcome, type AuditTargetKind } from '../state/audit-log';
import type { Storage } from '../storage/storage';
import { actorOf } from './actor';
import type { Turn } from './turn';

export interface AuditChange {
  action: AuditAction;
  target: { kind: AuditTargetKind; id: string };
  /** The device concerned, when the target is not the device itself (an elevation request's). */
  deviceName?: string;
  /** Short plain text (a title, a setting); capped at 200. Never a note's or a form's body. */
  detail?: string;
  /** Defaults to `done`. */
  outcome?: AuditOutcome;
}

/**
 * Records a change made through the bot: who (roster name, UPN, object id), what, which target,
 * when, where (conversation kind and id). Call it right after the API accepted the change. The
 * change has happened by then, so a storage failure is logged as an error, not thrown at the user.
 */
export async function recordChange(turn: Turn, deps: { storage: Storage; now: () => Date }, change: AuditChange): Promise<void> {
  try {
    const actor = await actorOf(turn);
    await writeAudit(deps.storage, {
      at: deps.now().toISOString(),
      action: change.action,
      outcome: change.outcome ?? 'done',
      target: { kind: change.target.kind, id: change.target.id.slice(0, 256) },
      deviceName: change.deviceName,
      detail: change.detail?.slice(0, 200),
      user: { id: actor.id, aadObjectId: actor.aadObjectId, upn: actor.upn, name: actor.name },
      conversation: { id: turn.conversationId, kind: turn.conversation },
      correlationId: turn.correlationId,
    });
  } catch (err) {
    turn.log.error({ err: err, action: change.action }, 'audit record not written');
  }
}
