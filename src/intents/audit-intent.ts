import type { Intent } from './intent';
import type { Token } from './tokens';
import { FILLERS } from './vocabulary';

/** `audit [user <upn>] [action <kind>] [ticket <id>|device <name>] [since <yyyy-mm-dd>]`. */
export const AUDIT_USAGE = 'audit [user <upn>] [action <kind>] [ticket <id> | device <name>] [since <yyyy-mm-dd>]';

const FILTERS = new Set(['user', 'action', 'ticket', 'device', 'since']);
const NOISE = new Set(['log', 'logs', 'trail', 'records', 'entries', 'by', 'of', 'from']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_VALUE = 256;

type AuditIntent = Extract<Intent, { kind: 'audit' }>;

/**
 * The filters after `audit`, as words: each filter name takes the next word as its value. The
 * handler checks the values (an action's name, a date); here only the shape is checked.
 */
export function auditIntent(tokens: readonly Token[]): AuditIntent {
  const intent: AuditIntent = { kind: 'audit' };
  const rest = tokens.slice(1);
  for (let i = 0; i < rest.length; i += 2) {
    const name = (rest[i] as Token).lower;
    // "audit log", "show the audit trail for ...": words around the filters, not filters.
    if (NOISE.has(name) || FILLERS.has(name)) {
      i -= 1;
      continue;
    }
    const value = rest[i + 1]?.raw;
    if (!FILTERS.has(name)) return { kind: 'audit', problem: `I do not know the filter "${name.slice(0, 40)}".` };
    if (value === undefined || value.length > MAX_VALUE) return { kind: 'audit', problem: `The filter "${name}" needs a value.` };
    switch (name) {
      case 'user':
        intent.user = value;
        break;
      case 'action':
        intent.action = value.toLowerCase();
        break;
      case 'ticket':
        intent.ticket = value;
        break;
      case 'device':
        intent.device = value;
        break;
      case 'since':
        if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
          return { kind: 'audit', problem: 'Write the date after "since" as yyyy-mm-dd.' };
        }
        intent.since = value;
        break;
    }
  }
  if (intent.ticket !== undefined && intent.device !== undefined)
    return { kind: 'audit', problem: 'Filter by a ticket or by a device, not both.' };
  return intent;
}
