/** What the admin asked for, parsed from text by parseIntent (src/intents/parse-intent.ts). */
export type Intent =
  | { kind: 'help' }
  | { kind: 'devices'; search?: string }
  | { kind: 'device'; name: string }
  | { kind: 'users'; search?: string }
  | { kind: 'user'; upn: string }
  | {
      kind: 'tickets';
      /** Lower-case states: active, resolved, ... */
      states: string[];
      /** 1 critical, 2 high, 3 moderate, 4 low. */
      severities: number[];
      /** Words to look for in titles ("tickets about printer"). */
      text?: string;
    }
  | { kind: 'ticket'; id: string }
  | { kind: 'notes'; id: string }
  | { kind: 'elevations'; deviceName?: string; state?: 'open' | 'closed' }
  | { kind: 'elevation'; deviceName: string }
  | { kind: 'newTicket'; deviceName?: string }
  | { kind: 'requestElevation'; deviceName?: string }
  | {
      kind: 'audit';
      user?: string;
      /** A word naming actions (checked by the handler). */
      action?: string;
      ticket?: string;
      device?: string;
      /** yyyy-mm-dd (UTC). */
      since?: string;
      /** Set when the filters could not be read: what was wrong. */
      problem?: string;
    }
  /** `subscribe <ticket>`: `id` as typed (the service says whether it exists). */
  | { kind: 'subscribe'; id: string }
  | { kind: 'unsubscribe'; id: string }
  /** `subscriptions` (also `subscribe` or `unsubscribe` alone): what this conversation follows. */
  | { kind: 'subscriptions' }
  /** `subscribe all [filter]`: `filter` is the rest as typed; `off` for `unsubscribe all`. */
  | { kind: 'subscribeAll'; filter: string; off?: boolean }
  /** `notify digest ...` / `notify quiet ...`: `value` is the rest as typed. */
  | { kind: 'notify'; setting: 'digest' | 'quiet' | 'show'; value: string }
  /** Security incidents (Graph): statuses and severities as Graph spells them. */
  | { kind: 'incidents'; statuses: string[]; severities: string[] }
  | { kind: 'incident'; id: string }
  | { kind: 'newIncident' }
  /** Intune enrollment failures, for the tenant, one MMD device (by name) or one user (UPN). */
  | { kind: 'enrollmentFailures'; deviceName?: string; user?: string }
  | { kind: 'reportEnrollmentFailure'; deviceName?: string }
  | { kind: 'unknown'; text: string; suggestions: string[] };

export type IntentKind = Intent['kind'];
export type IntentOf<K extends IntentKind> = Extract<Intent, { kind: K }>;
