import { auditCard, type AuditFilters } from '../../cards/audit-card';
import { plain } from '../../cards/escape';
import type { IntentOf } from '../../intents/intent';
import { AUDIT_USAGE } from '../../intents/audit-intent';
import { AUDIT_ACTION_HELP, auditActionsFor, queryAudit, type AuditQuery } from '../../state/audit-log';
import type { VerbData } from '../../protocol/verbs';
import type { BotDeps } from '../deps';
import { card, say, text, type Reply } from '../reply';
import { answerPrivately, refusal } from '../security/security-replies';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';

/** How many records a page shows. */
const AUDIT_LIMIT = 20;

type AuditAsk = Omit<IntentOf<'audit'>, 'kind'> | VerbData<'audit.page'>;

/** The store's query for the filters, or what is wrong with them. */
function toQuery(ask: AuditAsk): { ok: true; query: AuditQuery } | { ok: false; problem: string } {
  const query: AuditQuery = { limit: AUDIT_LIMIT };
  if (ask.user) query.user = ask.user;
  if (ask.action) {
    const actions = auditActionsFor(ask.action);
    if (!actions)
      return { ok: false, problem: `I do not know the action "${plain(ask.action.slice(0, 40))}". Use one of: ${AUDIT_ACTION_HELP}.` };
    query.actions = actions;
  }
  if (ask.ticket) query.target = { kind: 'ticket', id: ask.ticket };
  if (ask.device) query.target = { kind: 'device', id: ask.device };
  if (ask.since) query.since = new Date(`${ask.since}T00:00:00Z`);
  if ('before' in ask && ask.before) query.before = ask.before;
  return { ok: true, query };
}

/**
 * `audit [user <upn>] [action <kind>] [ticket <id>|device <name>] [since <date>]` (admins only)
 * and its Older/Newest buttons: the matching records, newest first, a page at a time. From a
 * group it goes to the 1:1 chat.
 */
export async function showAudit(turn: Turn, ask: AuditAsk, deps: BotDeps): Promise<Reply> {
  const { security } = deps;
  const decision = await security.botAdmins.check(turn);
  if (!decision.allowed) return refusal(decision, turn, deps.config.mode, 'bot-admin');
  if ('problem' in ask && ask.problem) return say(plain(ask.problem), ' Write it as ', { command: AUDIT_USAGE }, '.');
  const parsed = toQuery(ask);
  if (!parsed.ok) return text(parsed.problem);
  const page = await queryAudit(deps.storage, parsed.query);
  const filters: AuditFilters = { user: ask.user, action: ask.action, ticket: ask.ticket, device: ask.device, since: ask.since };
  const body = auditCard({ records: page.records, now: nowFor(turn, deps), filters, before: parsed.query.before, next: page.next });
  if (turn.conversation === 'personal') return card(body);
  return answerPrivately(turn, body, 'the audit log');
}
