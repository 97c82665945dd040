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
  group: 'Devices and users' | 'Support tickets' | 'Elevation requests' | 'Security and enrollment' | 'Audit' | 'General';
  /** Admin-only commands are not offered in the manifest. */
  adminOnly?: boolean;
  /** false: listed in help, not in the app's command menu (its ten places are taken). */
  menu?: false;
  /** Offered in the manifest's 10-command menu only after the core MMD commands. */
  secondary?: boolean;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'devices',
    intent: 'devices',
    usage: 'devices [search]',
    description: 'List or search managed devices (name, serial, user).',
    example: 'devices',
    group: 'Devices and users',
  },
  {
    name: 'device',
    intent: 'device',
    usage: 'device <name>',
    description: 'Show one device with its groups and configurations.',
    example: 'device MMD-00001',
    group: 'Devices and users',
  },
  {
    name: 'users',
    intent: 'users',
    usage: 'users [search]',
    description: 'List or search users with managed devices.',
    example: 'users',
    group: 'Devices and users',
  },
  {
    name: 'user',
    intent: 'user',
    usage: 'user <upn>',
    description: 'Show a user with their devices and groups.',
    example: 'user adele.vance@contoso.onmicrosoft.com',
    group: 'Devices and users',
  },
  {
    name: 'tickets',
    intent: 'tickets',
    usage: 'tickets [new|active|resolved|closed] [critical|high|moderate|low] [about <words>]',
    description: 'List support tickets, newest first, with filters.',
    example: 'tickets active',
    group: 'Support tickets',
  },
  {
    name: 'ticket',
    intent: 'ticket',
    usage: 'ticket <id>',
    description: 'Open a support ticket.',
    example: 'ticket MMD-1465058-R5V8P',
    group: 'Support tickets',
  },
  {
    name: 'notes',
    intent: 'notes',
    usage: 'notes <id>',
    description: "Read a ticket's notes.",
    example: 'notes MMD-1465058-R5V8P',
    group: 'Support tickets',
  },
  {
    name: 'new ticket',
    intent: 'newTicket',
    usage: 'new ticket',
    description: 'Open a new support ticket with Microsoft.',
    example: 'new ticket',
    group: 'Support tickets',
  },
  {
    name: 'elevations',
    intent: 'elevations',
    usage: 'elevations [open|closed] [device]',
    description: 'List elevation requests (open or closed only), optionally for one device.',
    example: 'elevations',
    group: 'Elevation requests',
  },
  {
    name: 'request elevation',
    intent: 'requestElevation',
    usage: 'request elevation <device>',
    description: 'Ask for local admin elevation on a device.',
    example: 'request elevation',
    group: 'Elevation requests',
  },
  {
    name: 'elevation',
    intent: 'elevation',
    usage: 'elevation <device>',
    description: "A device's elevation details (admins, personal chat only).",
    example: 'elevation MMD-00002',
    group: 'Elevation requests',
    adminOnly: true,
  },
  {
    name: 'audit',
    intent: 'audit',
    usage: 'audit [user <upn>] [action <kind>] [ticket <id>|device <name>] [since <yyyy-mm-dd>]',
    description: 'Who changed what through the bot, and reveals of elevation details (admins only).',
    example: 'audit',
    group: 'Audit',
    adminOnly: true,
  },
  {
    name: 'incidents',
    intent: 'incidents',
    usage: 'incidents [active|resolved] [high|medium|low]',
    description: 'List Microsoft Defender security incidents, newest first, with filters.',
    example: 'incidents active',
    group: 'Security and enrollment',
    secondary: true,
  },
  {
    name: 'incident',
    intent: 'incident',
    usage: 'incident <id>',
    description: 'Open a security incident: update status, assign, classify, open an MMD ticket.',
    example: 'incident 1042',
    group: 'Security and enrollment',
    secondary: true,
  },
  {
    name: 'new incident',
    intent: 'newIncident',
    usage: 'new incident',
    description: 'Create a security incident (Graph beta; a tenant may refuse it).',
    example: 'new incident',
    group: 'Security and enrollment',
    secondary: true,
  },
  {
    name: 'enrollment failures',
    intent: 'enrollmentFailures',
    usage: 'enrollment failures [device|user]',
    description: 'Recent Intune enrollment failures, for a device or a user.',
    example: 'enrollment failures',
    group: 'Security and enrollment',
    secondary: true,
  },
  {
    name: 'report enrollment failure',
    intent: 'reportEnrollmentFailure',
    usage: 'report enrollment failure [device]',
    description: 'Record an Intune enrollment failure, prefilled from a device.',
    example: 'report enrollment failure MMD-00001',
    group: 'Security and enrollment',
    secondary: true,
  },
  { name: 'help', intent: 'help', usage: 'help', description: 'What this bot can do.', example: 'help', group: 'General' },
  // Notifications: in help (under tickets), not in the app menu, whose ten places were taken first.
  {
    name: 'subscribe',
    menu: false,
    intent: 'subscribe',
    usage: 'subscribe <ticket id>',
    description: 'Get a card in this conversation whenever the ticket changes.',
    example: 'subscribe MMD-1465058-R5V8P',
    group: 'Support tickets',
  },
  {
    name: 'unsubscribe',
    menu: false,
    intent: 'unsubscribe',
    usage: 'unsubscribe <ticket id>',
    description: 'Stop the updates about a ticket in this conversation.',
    example: 'unsubscribe MMD-1465058-R5V8P',
    group: 'Support tickets',
  },
  {
    name: 'subscriptions',
    menu: false,
    intent: 'subscriptions',
    usage: 'subscriptions',
    description: 'The tickets this conversation follows, each with Unsubscribe.',
    example: 'subscriptions',
    group: 'Support tickets',
  },
  {
    name: 'subscribe all',
    menu: false,
    intent: 'subscribeAll',
    usage: 'subscribe all [severity <= 2] [state <states>]',
    description: 'Channels and group chats: follow every ticket that matches (unsubscribe all stops it).',
    example: 'subscribe all severity <= 2',
    group: 'Support tickets',
  },
  {
    name: 'notify',
    menu: false,
    intent: 'notify',
    usage: 'notify digest <hourly|daily|off>, notify quiet <20:00-08:00|off>',
    description: 'Collect updates into a digest, or hold them during quiet hours (your time zone).',
    example: 'notify quiet 20:00-08:00',
    group: 'Support tickets',
  },
];
