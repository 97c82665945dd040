/**
 * Checks that a parsed Intent has the promised shape, with patterns written out here on their
 * own (not imported from src) so a loosened pattern in src shows up as a failure.
 */
import { COMMANDS } from '../../src/intents/commands';
import type { Intent } from '../../src/intents/intent';

const TICKET_ID = /^[A-Z]{2,5}-\d{5,12}-[A-Z0-9]{4,10}$/;
const DEVICE_NAME = /^(?:MMD-\d{3,20}|[A-Za-z0-9][A-Za-z0-9-]{0,14})$/i;
const UPN = /^[^\s@]{1,64}@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const STATES = ['new', 'active', 'resolved', 'closed'];
const NAMES = new Set(COMMANDS.map((c) => c.name));

const ALLOWED_KEYS: Record<Intent['kind'], string[]> = {
  help: [],
  devices: ['search'],
  device: ['name'],
  users: ['search'],
  user: ['upn'],
  tickets: ['states', 'severities', 'text'],
  ticket: ['id'],
  notes: ['id'],
  elevations: ['deviceName', 'state'],
  elevation: ['deviceName'],
  newTicket: ['deviceName'],
  requestElevation: ['deviceName'],
  audit: ['user', 'action', 'ticket', 'device', 'since', 'problem'],
  subscribe: ['id'],
  unsubscribe: ['id'],
  subscriptions: [],
  subscribeAll: ['filter', 'off'],
  notify: ['setting', 'value'],
  incidents: ['statuses', 'severities'],
  incident: ['id'],
  newIncident: [],
  enrollmentFailures: ['deviceName', 'user'],
  reportEnrollmentFailure: ['deviceName'],
  unknown: ['text', 'suggestions'],
};

const isSearch = (s: unknown): boolean => typeof s === 'string' && s.length > 0 && s.length <= 100 && s === s.trim();
const isDevice = (s: unknown): boolean => typeof s === 'string' && DEVICE_NAME.test(s) && !s.startsWith('-') && !s.endsWith('-');
const isSortedUnique = (xs: readonly (string | number)[], order: (x: string | number) => number): boolean =>
  xs.every((x, i) => i === 0 || order(xs[i - 1]!) < order(x));

/** Undefined when the intent is well formed, otherwise what is wrong with it. */
export function intentProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const intent = value as Intent;
  const allowed = ALLOWED_KEYS[intent.kind];
  if (allowed === undefined) return `unknown kind ${String(intent.kind)}`;
  const extra = Object.keys(intent).filter((k) => k !== 'kind' && !allowed.includes(k));
  if (extra.length > 0) return `unexpected keys ${extra.join(',')}`;
  if (Object.values(intent).some((v) => v === undefined)) return 'a key holds undefined';
  switch (intent.kind) {
    case 'help':
    case 'newIncident':
      return undefined;
    case 'audit': {
      const values = [intent.user, intent.action, intent.ticket, intent.device, intent.since];
      if (values.some((v) => v !== undefined && (v.length === 0 || v.length > 256))) return 'bad audit filter';
      if (intent.since !== undefined && !/^\d{4}-\d\d-\d\d$/.test(intent.since)) return 'bad audit date';
      if (intent.problem !== undefined && values.some((v) => v !== undefined)) return 'audit problem with filters';
      return undefined;
    }
    case 'subscriptions':
      return undefined;
    case 'subscribe':
    case 'unsubscribe':
      return typeof intent.id === 'string' && /^\S{1,64}$/.test(intent.id) ? undefined : 'bad ticket id';
    case 'subscribeAll':
      return typeof intent.filter === 'string' && (intent.off === undefined || intent.off === true) ? undefined : 'bad filter';
    case 'notify':
      return ['digest', 'quiet', 'show'].includes(intent.setting) && typeof intent.value === 'string' ? undefined : 'bad setting';
    case 'devices':
    case 'users':
      return intent.search === undefined || isSearch(intent.search) ? undefined : 'bad search';
    case 'device':
      return isDevice(intent.name) ? undefined : 'bad device name';
    case 'user':
      return UPN.test(intent.upn) ? undefined : 'bad upn';
    case 'tickets':
      if (!Array.isArray(intent.states) || !intent.states.every((s) => STATES.includes(s))) return 'bad states';
      if (!isSortedUnique(intent.states, (s) => STATES.indexOf(String(s)))) return 'states not sorted';
      if (!Array.isArray(intent.severities) || !intent.severities.every((n) => Number.isInteger(n) && n >= 1 && n <= 4))
        return 'bad severities';
      if (!isSortedUnique(intent.severities, Number)) return 'severities not sorted';
      return intent.text === undefined || isSearch(intent.text) ? undefined : 'bad text';
    case 'ticket':
    case 'notes':
      // "ticket 12345": after the word ticket, any id-like word with a digit (the service judges it).
      return TICKET_ID.test(intent.id) || (/^[A-Z0-9][A-Z0-9._-]{0,63}$/.test(intent.id) && /\d/.test(intent.id))
        ? undefined
        : 'bad ticket id';
    case 'elevation':
      return isDevice(intent.deviceName) ? undefined : 'bad device name';
    case 'elevations':
      if (intent.state !== undefined && intent.state !== 'open' && intent.state !== 'closed') return 'bad state';
      return intent.deviceName === undefined || isDevice(intent.deviceName) ? undefined : 'bad device name';
    case 'newTicket':
    case 'requestElevation':
      return intent.deviceName === undefined || isDevice(intent.deviceName) ? undefined : 'bad device name';
    case 'incidents':
      if (!intent.statuses.every((s) => ['active', 'resolved', 'redirected'].includes(s))) return 'bad statuses';
      return intent.severities.every((s) => ['high', 'medium', 'low', 'informational'].includes(s)) ? undefined : 'bad severities';
    case 'incident':
      return /^(\d{1,20}|[0-9a-f-]{36})$/i.test(intent.id) ? undefined : 'bad incident id';
    case 'enrollmentFailures':
      if (intent.user !== undefined && !UPN.test(intent.user)) return 'bad user';
      return intent.deviceName === undefined || isDevice(intent.deviceName) ? undefined : 'bad device name';
    case 'reportEnrollmentFailure':
      return intent.deviceName === undefined || isDevice(intent.deviceName) ? undefined : 'bad device name';
    case 'unknown':
      if (typeof intent.text !== 'string' || intent.text.length > 2000) return 'bad text';
      if (!Array.isArray(intent.suggestions) || intent.suggestions.length > 3) return 'bad suggestions';
      if (new Set(intent.suggestions).size !== intent.suggestions.length) return 'repeated suggestions';
      return intent.suggestions.every((s) => NAMES.has(s)) ? undefined : 'suggestion is not a command';
  }
}
