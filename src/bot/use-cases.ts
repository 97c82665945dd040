import type { Role } from '../config/roles';
import type { AuditAction } from '../state/audit-log';

/**
 * The one policy: for every use case a front end offers (chat commands and card verbs in
 * routes.ts, message extension commands, the tab's API in src/tab/tab-routes.ts), the least role
 * it needs, what it writes to the audit, and the limits it runs under. Routes name their use case
 * and take the role from here; the input rules are the protocol's field rules
 * (src/protocol/note-rules.ts, elevation-rules.ts, ...), used by every front end alike.
 */
export interface UseCase {
  role: Role;
  /** Written to the audit after the service accepted the change; null for reads. */
  audit: AuditAction | null;
  /** How the use case is bounded, in words (shown in docs/security.md's policy table). */
  limits?: string;
}

export const USE_CASES = {
  // Reads: look things up.
  help: { role: 'reader', audit: null },
  search: { role: 'reader', audit: null, limits: 'at most 25 results a page, 100 characters of search text' },
  signIn: { role: 'reader', audit: null },
  'form.cancel': { role: 'reader', audit: null },
  'dashboard.read': { role: 'reader', audit: null, limits: 'counts walk at most 2,000 records' },
  'tickets.list': { role: 'reader', audit: null },
  'ticket.open': { role: 'reader', audit: null },
  'devices.list': { role: 'reader', audit: null },
  'devices.failing': {
    role: 'reader',
    audit: null,
    limits: 'computed at most once per tenant every 5 minutes, one computation at a time, at most 300 devices',
  },
  'device.open': { role: 'reader', audit: null },
  'users.list': { role: 'reader', audit: null },
  'user.open': { role: 'reader', audit: null },
  'elevations.list': { role: 'reader', audit: null },
  'elevation.open': { role: 'reader', audit: null },
  'elevation.hide': { role: 'reader', audit: null },
  'incidents.list': { role: 'reader', audit: null },
  'incident.open': { role: 'reader', audit: null },
  'enrollmentFailures.list': { role: 'reader', audit: null },
  'enrollmentFailure.open': { role: 'reader', audit: null },
  'ticket.subscribe': { role: 'reader', audit: 'subscription.add' },
  'ticket.unsubscribe': { role: 'reader', audit: 'subscription.remove' },
  'subscriptions.list': { role: 'reader', audit: null },
  'notify.settings': { role: 'reader', audit: 'subscription.change' },
  // Changes at Microsoft.
  'ticket.create': { role: 'operator', audit: 'ticket.create' },
  'ticket.note': { role: 'operator', audit: 'ticket.note', limits: 'at most 4,000 characters' },
  'elevation.create': { role: 'operator', audit: 'elevation.create' },
  'incident.create': { role: 'operator', audit: 'incident.create' },
  'incident.update': { role: 'operator', audit: 'incident.update' },
  'enrollmentFailure.report': { role: 'operator', audit: 'event.report' },
  // Admins of elevation.
  'elevation.close': { role: 'elevation-admin', audit: 'elevation.close', limits: 'at most 2,000 characters' },
  'elevation.reveal': {
    role: 'elevation-admin',
    audit: 'elevation.reveal',
    limits: 'personal chat only; redacted after ELEVATION_REVEAL_SECONDS',
  },
  // Admins of the bot.
  'audit.read': { role: 'bot-admin', audit: null },
  'subscribe.all': { role: 'bot-admin', audit: 'subscription.add' },
} as const satisfies Record<string, UseCase>;

export type UseCaseName = keyof typeof USE_CASES;

/** The role a use case needs. */
export const roleOf = (name: UseCaseName): Role => USE_CASES[name].role;
