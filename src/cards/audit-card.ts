import type { AuditOutcome, AuditRecord } from '../state/audit-log';
import { execute } from './card-action';
import { plain, plainShort } from './escape';
import { relativeTime, exactTime, type TextColor } from './format';
import { renderCard, type AdaptiveCard } from './render';

export interface AuditCardInput {
  /** Newest first. */
  records: AuditRecord[];
  now: Date;
}

const OUTCOMES: Record<AuditOutcome, { text: string; color: TextColor }> = {
  revealed: { text: '🔓 Revealed', color: 'Accent' },
  denied: { text: '⛔ Not an admin', color: 'Attention' },
  check_failed: { text: '⚠️ Check failed', color: 'Attention' },
  not_personal: { text: '⛔ Not in 1:1 chat', color: 'Attention' },
  no_open_elevation: { text: 'No open request', color: 'Default' },
  device_not_found: { text: 'Unknown device', color: 'Default' },
  failed: { text: '❌ Failed', color: 'Attention' },
};

const WHERE: Record<string, string> = { personal: '1:1 chat', groupChat: 'group chat', channel: 'channel' };

/** The recent reveal attempts of elevation details: who, which device, when, where, outcome. */
export function auditCard({ records, now }: AuditCardInput): AdaptiveCard {
  return renderCard('audit', {
    subtitle: records.length
      ? `The ${records.length} most recent reveal attempt${records.length === 1 ? '' : 's'}, newest first.`
      : 'Every reveal of a local administrator password is recorded here.',
    rows: records.map((r) => ({
      headline: `${plainShort(r.user.name || r.user.upn || r.user.aadObjectId || r.user.id, 80)} · ${plainShort(r.deviceName, 64)}`,
      detail: [
        `${relativeTime(r.at, now)} (${exactTime(r.at)})`,
        r.user.upn ? plainShort(r.user.upn, 100) : '',
        `in a ${WHERE[r.conversation.kind] ?? plain(r.conversation.kind)}`,
      ]
        .filter(Boolean)
        .join(' · '),
      outcome: OUTCOMES[r.outcome],
    })),
    actions: [execute('Refresh', 'command', { text: 'audit' })],
  });
}
