import type { IntentKind } from './intent';

/**
 * The bot's commands, written down once. The parser, the help card and (later) the Teams
 * manifest's command lists all read this list.
 */
export interface CommandSpec {
  /** The keyword the parser knows and suggestions name. */
  name: string;
  intent: Exclude<IntentKind, 'unknown'>;
  /** How to type it, shown in help. */
  usage: string;
  /** One line for help and the manifest (max 128 characters there). */
  description: string;
  /** What the help card's button sends. */
  example: string;
  /** Help groups the commands under these headings. */
  group: 'Devices and users' | 'Support tickets' | 'Elevation requests' | 'General';
  /** Admin-only commands are not offered in the manifest. */
  adminOnly?: boolean;
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'devices', intent: 'devices', usage: 'devices [search]', description: 'List or search managed devices (name, serial, user).', example: 'devices', group: 'Devices and users' },
  { name: 'device', intent: 'device', usage: 'device <name>', description: 'Show one device with its groups and configurations.', example: 'device MMD-00001', group: 'Devices and users' },
  { name: 'users', intent: 'users', usage: 'users [search]', description: 'List or search users with managed devices.', example: 'users', group: 'Devices and users' },
  { name: 'user', intent: 'user', usage: 'user <upn>', description: "Show a user with their devices and groups.", example: 'user adele.vance@contoso.onmicrosoft.com', group: 'Devices and users' },
  { name: 'tickets', intent: 'tickets', usage: 'tickets [active|resolved] [critical|high|moderate|low] [about <words>]', description: 'List support tickets, newest first, with filters.', example: 'tickets active', group: 'Support tickets' },
  { name: 'ticket', intent: 'ticket', usage: 'ticket <id>', description: 'Open a support ticket.', example: 'ticket MMD-1465058-R5V8P', group: 'Support tickets' },
  { name: 'notes', intent: 'notes', usage: 'notes <id>', description: "Read a ticket's notes.", example: 'notes MMD-1465058-R5V8P', group: 'Support tickets' },
  { name: 'new ticket', intent: 'newTicket', usage: 'new ticket', description: 'Open a new support ticket with Microsoft.', example: 'new ticket', group: 'Support tickets' },
  { name: 'elevations', intent: 'elevations', usage: 'elevations [device]', description: 'List elevation requests, optionally for one device.', example: 'elevations', group: 'Elevation requests' },
  { name: 'request elevation', intent: 'requestElevation', usage: 'request elevation <device>', description: 'Ask for local admin elevation on a device.', example: 'request elevation', group: 'Elevation requests' },
  { name: 'elevation', intent: 'elevation', usage: 'elevation <device>', description: "A device's elevation details (admins, personal chat only).", example: 'elevation MMD-00001', group: 'Elevation requests', adminOnly: true },
  { name: 'audit', intent: 'audit', usage: 'audit', description: 'Recent reveals of elevation details (admins only).', example: 'audit', group: 'Elevation requests', adminOnly: true },
  { name: 'help', intent: 'help', usage: 'help', description: 'What this bot can do.', example: 'help', group: 'General' },
];
