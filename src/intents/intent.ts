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
  | { kind: 'elevations'; deviceName?: string }
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
  | { kind: 'unknown'; text: string; suggestions: string[] };

export type IntentKind = Intent['kind'];
export type IntentOf<K extends IntentKind> = Extract<Intent, { kind: K }>;
