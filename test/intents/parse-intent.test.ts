import { COMMANDS } from '../../src/intents/commands';
import type { Intent } from '../../src/intents/intent';
import { parseIntent } from '../../src/intents/parse-intent';

const T = 'MMD-1465058-R5V8P';
const tickets = (states: string[] = [], severities: number[] = [], text?: string): Intent =>
  text === undefined ? { kind: 'tickets', states, severities } : { kind: 'tickets', states, severities, text };

// [what the admin typed, what the parser must make of it]
const CASES: ReadonlyArray<[string, Intent]> = [
  // help
  ['help', { kind: 'help' }],
  ['?', { kind: 'help' }],
  ['  ', { kind: 'help' }],
  ['', { kind: 'help' }],
  ['HELP!', { kind: 'help' }],
  ['what can you do?', { kind: 'help' }],
  ['Hey, what can you do for me', { kind: 'help' }],
  ['commands', { kind: 'help' }],
  ['please help', { kind: 'help' }],
  ['hi', { kind: 'help' }],
  ['&nbsp;\n', { kind: 'help' }],
  ['<at>MMD Assist</at>', { kind: 'help' }],
  ['who are you', { kind: 'help' }],
  // devices and one device
  ['devices', { kind: 'devices' }],
  ['list devices', { kind: 'devices' }],
  ['Show me all devices please.', { kind: 'devices' }],
  ['devices MMD', { kind: 'devices', search: 'MMD' }],
  ['devices MMD-1234', { kind: 'devices', search: 'MMD-1234' }],
  ['show devices for jdoe@contoso.com', { kind: 'devices', search: 'jdoe@contoso.com' }],
  ['devices of JDoe@Contoso.com?', { kind: 'devices', search: 'jdoe@contoso.com' }],
  ['devices of Adele', { kind: 'devices', search: 'Adele' }],
  ['devices for Adele Vance', { kind: 'devices', search: 'Adele Vance' }],
  ["Adele's devices", { kind: 'devices', search: 'Adele' }],
  ['computers owned by Megan', { kind: 'devices', search: 'Megan' }],
  ['device MMD-1234', { kind: 'device', name: 'MMD-1234' }],
  ['find device MMD-1234', { kind: 'device', name: 'MMD-1234' }],
  ['device named DESKTOP-AB12CD', { kind: 'device', name: 'DESKTOP-AB12CD' }],
  ['device LAPTOP-XYZ', { kind: 'device', name: 'LAPTOP-XYZ' }],
  ['device pc01', { kind: 'device', name: 'pc01' }],
  ['DEVICE mmd-03690457680 details', { kind: 'device', name: 'mmd-03690457680' }],
  ['MMD-1234 device', { kind: 'device', name: 'MMD-1234' }],
  ['MMD-1234', { kind: 'device', name: 'MMD-1234' }],
  ['show DESKTOP-AB12CD', { kind: 'device', name: 'DESKTOP-AB12CD' }],
  ['what about MMD-00001?', { kind: 'device', name: 'MMD-00001' }],
  ['device Adele', { kind: 'devices', search: 'Adele' }],
  ['who has MMD-1234', { kind: 'device', name: 'MMD-1234' }],
  // users and one user
  ['users', { kind: 'users' }],
  ['users Adele', { kind: 'users', search: 'Adele' }],
  ['list users named Megan Bowen', { kind: 'users', search: 'Megan Bowen' }],
  ['user jdoe@contoso.com', { kind: 'user', upn: 'jdoe@contoso.com' }],
  ['who is jdoe@contoso.com?', { kind: 'user', upn: 'jdoe@contoso.com' }],
  ['who is Adele', { kind: 'users', search: 'Adele' }],
  ['jdoe@contoso.com', { kind: 'user', upn: 'jdoe@contoso.com' }],
  ['<a href="mailto:jdoe@contoso.com">jdoe@contoso.com</a>', { kind: 'user', upn: 'jdoe@contoso.com' }],
  ['user Adele', { kind: 'users', search: 'Adele' }],
  // ticket lists and filters
  ['tickets', tickets()],
  ['ticket', tickets()],
  ['tickets active high', tickets(['active'], [2])],
  ['resolved tickets', tickets(['resolved'])],
  ['high severity tickets', tickets([], [2])],
  ['tickets about printer', tickets([], [], 'printer')],
  ['tickets about the VPN client crashing', tickets([], [], 'VPN client crashing')],
  ['tickets with severity 2', tickets([], [2])],
  ['tickets severity 2 or 3', tickets([], [2, 3])],
  ['tickets sev 1-2', tickets([], [1, 2])],
  ['tickets s2', tickets([], [2])],
  ['p1 tickets', tickets([], [1])],
  ['tickets severity: high', tickets([], [2])],
  ['critical incidents', tickets([], [1])],
  ['open tickets', tickets(['active'])],
  ['show me all open critical tickets', tickets(['active'], [1])],
  ['new tickets', tickets(['new'])],
  ['closed and resolved low tickets', tickets(['resolved', 'closed'], [4])],
  ['medium tickets', tickets([], [3])],
  ['moderate tickets', tickets([], [3])],
  ['active high tickets about printer', tickets(['active'], [2], 'printer')],
  ['tickets for high severity', tickets([], [2])],
  ['tickets for device MMD-1234', tickets([], [], 'MMD-1234')],
  ['tickets printer jam', tickets([], [], 'printer jam')],
  ['open critical', tickets(['active'], [1])],
  ['TICKETS ACTIVE', tickets(['active'])],
  // one ticket, its notes
  [`ticket ${T}`, { kind: 'ticket', id: T }],
  [`show ${T}`, { kind: 'ticket', id: T }],
  [`open ${T}`, { kind: 'ticket', id: T }],
  [T, { kind: 'ticket', id: T }],
  ['mmd-1465058-r5v8p', { kind: 'ticket', id: T }],
  [`open ticket ${T}.`, { kind: 'ticket', id: T }],
  [`tickets('${T}')`, { kind: 'ticket', id: T }],
  [`ticket #${T}`, { kind: 'ticket', id: T }],
  [`what's the status of ${T}?`, { kind: 'ticket', id: T }],
  [`device ${T}`, { kind: 'ticket', id: T }],
  [`notes ${T}`, { kind: 'notes', id: T }],
  [`notes for ${T}`, { kind: 'notes', id: T }],
  [`ticket ${T} notes`, { kind: 'notes', id: T }],
  [`comments on ${T.toLowerCase()}`, { kind: 'notes', id: T }],
  ['notes', { kind: 'unknown', text: 'notes', suggestions: ['notes'] }],
  // elevation requests and details
  ['elevations', { kind: 'elevations' }],
  ['elevation', { kind: 'elevations' }],
  ['elevations MMD-1234', { kind: 'elevations', deviceName: 'MMD-1234' }],
  ['elevation requests for MMD-1234', { kind: 'elevations', deviceName: 'MMD-1234' }],
  ['show elevation requests', { kind: 'elevations' }],
  ['elevation MMD-1234', { kind: 'elevation', deviceName: 'MMD-1234' }],
  ['elevation details MMD-1234', { kind: 'elevation', deviceName: 'MMD-1234' }],
  ['password for MMD-1234', { kind: 'elevation', deviceName: 'MMD-1234' }],
  ['get the admin password for pc01', { kind: 'elevation', deviceName: 'pc01' }],
  ['device MMD-1234 password', { kind: 'elevation', deviceName: 'MMD-1234' }],
  ['elevation details', { kind: 'unknown', text: 'elevation details', suggestions: ['elevation'] }],
  // new ticket
  ['new ticket', { kind: 'newTicket' }],
  ['create a ticket', { kind: 'newTicket' }],
  ['Can you create a new support ticket?', { kind: 'newTicket' }],
  ['open a ticket about MMD-1234', { kind: 'newTicket', deviceName: 'MMD-1234' }],
  ['open ticket', { kind: 'newTicket' }],
  ['raise a case for DESKTOP-AB12CD', { kind: 'newTicket', deviceName: 'DESKTOP-AB12CD' }],
  ['report a problem with win10 updates', { kind: 'newTicket' }],
  ['new ticket for pc01', { kind: 'newTicket', deviceName: 'pc01' }],
  // request elevation
  ['request elevation', { kind: 'requestElevation' }],
  ['request elevation MMD-1234', { kind: 'requestElevation', deviceName: 'MMD-1234' }],
  ['elevate MMD-1234', { kind: 'requestElevation', deviceName: 'MMD-1234' }],
  ['elevate pc01', { kind: 'requestElevation', deviceName: 'pc01' }],
  ['request admin on MMD-1234', { kind: 'requestElevation', deviceName: 'MMD-1234' }],
  ['I need local admin rights on LAPTOP-XYZ please', { kind: 'requestElevation', deviceName: 'LAPTOP-XYZ' }],
  ['create an elevation request', { kind: 'requestElevation' }],
  // audit
  ['audit', { kind: 'audit' }],
  ['show the audit log', { kind: 'audit' }],
  [`audit ticket ${T}`, { kind: 'audit', ticket: T }],
  [
    'audit user alex@contoso.com action note since 2026-11-01',
    { kind: 'audit', user: 'alex@contoso.com', action: 'note', since: '2026-11-01' },
  ],
  ['audit log for device MMD-00002 action Reveal', { kind: 'audit', device: 'MMD-00002', action: 'reveal' }],
  ['audit since 2026-13-45', { kind: 'audit', problem: 'Write the date after "since" as yyyy-mm-dd.' }],
  ['audit user', { kind: 'audit', problem: 'The filter "user" needs a value.' }],
  // mention leftovers, markup and odd spacing
  ['<at>MMD Assist</at> devices', { kind: 'devices' }],
  ['<p>tickets&nbsp;active</p>', tickets(['active'])],
  ['\u200b  TiCkEtS \n\t ReSoLvEd\u00a0', tickets(['resolved'])],
  ['/devices', { kind: 'devices' }],
  ['**device** `MMD-1234`', { kind: 'device', name: 'MMD-1234' }],
];

describe('parseIntent', () => {
  it.each(CASES)('%j', (text, expected) => {
    expect(parseIntent(text)).toStrictEqual(expected);
  });

  it('has a large table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('understands every example of the command list as its own command', () => {
    for (const command of COMMANDS) {
      expect({ example: command.example, kind: parseIntent(command.example).kind }).toEqual({
        example: command.example,
        kind: command.intent,
      });
    }
  });
});

describe('"ticket <word>" that is not a documented id', () => {
  it('reads a word with a digit as an id to look up, but never one starting with punctuation', () => {
    expect(parseIntent('ticket 12345')).toEqual({ kind: 'ticket', id: '12345' });
    expect(parseIntent('ticket #12345')).toEqual({ kind: 'ticket', id: '12345' });
    // Found by the fuzz test: "-p1" is option-like, and a ticket id never starts with a dash.
    expect(parseIntent('ticket "-p1 ')).not.toMatchObject({ kind: 'ticket' });
    expect(parseIntent('ticket -p1')).not.toMatchObject({ kind: 'ticket' });
  });
});
