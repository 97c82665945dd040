import type { Now } from './local-time';
import { valueLabel } from '../protocol/labels';
import { auditTarget, type AuditAction, type AuditOutcome, type AuditRecord } from '../state/audit-log';
import type { VerbData } from '../protocol/verbs';
import { execute, type ExecuteAction } from './card-action';
import { plain, plainShort, words } from './escape';
import { dateTime, type TextColor } from './format';
import { renderCard, type AdaptiveCard } from './render';

/** The filters of the query shown, as the `audit.page` verb carries them. */
export type AuditFilters = Omit<VerbData<'audit.page'>, 'before'>;

export interface AuditCardInput {
  /** Newest first. */
  records: AuditRecord[];
  now: Now;
  filters?: AuditFilters;
  /** This page starts before this key (absent: the newest page). */
  before?: string;
  /** The cursor of the next, older page. */
  next?: string;
}

const OUTCOMES: Record<AuditOutcome, { text: string; color: TextColor }> = {
  done: { text: '✔ Done', color: 'Good' },
  revealed: { text: '🔓 Revealed', color: 'Accent' },
  not_shown_late: { text: '⌛ Too slow, not shown', color: 'Attention' },
  denied: { text: '⛔ Not an admin', color: 'Attention' },
  check_failed: { text: '⚠️ Check failed', color: 'Attention' },
  not_personal: { text: '⛔ Not in 1:1 chat', color: 'Attention' },
  no_open_elevation: { text: 'No open request', color: 'Default' },
  device_not_found: { text: 'Unknown device', color: 'Default' },
  failed: { text: '❌ Failed', color: 'Attention' },
};

const ACTIONS: Record<AuditAction, string> = {
  'ticket.create': 'created ticket',
  'ticket.note': 'added a note to ticket',
  'elevation.create': 'requested elevation',
  'elevation.close': 'closed elevation request',
  'elevation.reveal': 'revealed elevation details of',
  'incident.create': 'created incident',
  'incident.update': 'updated incident',
  'event.report': 'reported enrollment event',
  'subscription.add': 'subscribed to',
  'subscription.remove': 'unsubscribed from',
  'subscription.change': 'changed the subscription of',
};

/** A conversation-wide change names no ticket: the words say what it was, the detail the setting. */
const CONVERSATION_ACTIONS: Partial<Record<AuditAction, string>> = {
  'subscription.add': 'followed every ticket',
  'subscription.remove': 'stopped following every ticket',
  'subscription.change': 'changed notification settings',
};

function headlineWords(action: AuditAction, target: { kind: string; id: string } | undefined): string {
  if (target?.kind === 'conversation') return CONVERSATION_ACTIONS[action] ?? ACTIONS[action];
  return `${ACTIONS[action]}${target ? ` ${plainShort(target.id, 64)}` : ''}`;
}

const WHERE: Record<string, string> = {
  personal: 'in a 1:1 chat',
  groupChat: 'in a group chat',
  channel: 'in a channel',
  tab: 'in the dashboard tab',
};

function describeFilters(filters: AuditFilters): string {
  const parts = [
    filters.user ? `user ${filters.user}` : '',
    filters.action ? `action ${filters.action}` : '',
    filters.ticket ? `ticket ${filters.ticket}` : '',
    filters.device ? `device ${filters.device}` : '',
    filters.since ? `since ${filters.since}` : '',
  ].filter(Boolean);
  return parts.length ? plainShort(`Filtered by ${parts.join(', ')}.`, 400) : '';
}

/**
 * An incident update's detail as recorded ("classification falsePositive, determination malware",
 * records written before the labels) in the cards' words: "classification False positive, …".
 */
function labelledChanges(detail: string): string {
  return detail.replace(
    /\b(status|classification|determination|severity) ([A-Za-z]+)\b/g,
    (_m, field: string, value: string) => `${field} ${valueLabel(value)}`,
  );
}

/** Changes made through the bot and reveals of elevation details: who, what, which, when, where, outcome. */
export function auditCard({ records, now, filters = {}, before, next }: AuditCardInput): AdaptiveCard {
  const filtered = describeFilters(filters);
  const what = before ? 'Older records' : 'The most recent records';
  const actions: ExecuteAction[] = [];
  if (next) actions.push(execute('Older ▶', 'audit.page', { ...filters, before: next }));
  if (before) actions.push(execute('◀ Newest', 'audit.page', { ...filters }));
  actions.push(execute('Refresh', 'command', { text: 'audit' }));
  return renderCard('audit', {
    subtitle: words(
      records.length
        ? `${what}, newest first.${filtered ? ` ${filtered}` : ''}`
        : `Every change made through MMD Assist and every reveal of a local administrator password is recorded here.${filtered ? ` ${filtered}` : ''}`,
    ),
    rows: records.map((r) => {
      const target = auditTarget(r);
      return {
        headline: words(
          `${plainShort(r.user.name || r.user.upn || r.user.aadObjectId || r.user.id, 80)} · ${headlineWords(r.action, target)}`,
        ),
        detail: words(
          [
            dateTime(r.at, now),
            r.user.upn ? plainShort(r.user.upn, 100) : '',
            WHERE[r.conversation.kind] ?? `in a ${plain(r.conversation.kind)}`,
            r.detail ? plainShort(r.action === 'incident.update' ? labelledChanges(r.detail) : r.detail, 120) : '',
          ]
            .filter(Boolean)
            .join(' · '),
        ),
        outcome: { text: words(OUTCOMES[r.outcome].text), color: OUTCOMES[r.outcome].color },
      };
    }),
    actions,
  });
}
