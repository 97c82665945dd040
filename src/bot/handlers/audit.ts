import { auditCard } from '../../cards/audit-card';
import type { BotDeps } from '../deps';
import { card, type Reply } from '../reply';
import { recentAudit } from '../../state/audit-log';
import { answerPrivately, refusal } from '../security/security-replies';
import type { Turn } from '../turn';

/** How many records the card shows. */
export const AUDIT_LIMIT = 20;

/** `audit` (admins only): recent reveals, newest first; from a group it goes to the 1:1 chat. */
export async function showAudit(turn: Turn, _query: unknown, deps: BotDeps): Promise<Reply> {
  const { security } = deps;
  const decision = await security.admins.check(turn);
  if (!decision.allowed) return refusal(decision, turn, deps.config.mode);
  const body = auditCard({ records: await recentAudit(deps.storage, AUDIT_LIMIT), now: deps.now() });
  if (turn.conversation === 'personal') return card(body);
  return answerPrivately(turn, body, 'the audit log');
}
