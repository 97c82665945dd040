/**
 * The words the parser knows, apart from the entities (src/intents/entities.ts). Kept as plain
 * sets so a reader can see at a glance which phrasings are understood.
 */

/** Words that ask for nothing by themselves: politeness, verbs of showing, articles. */
export const FILLERS: ReadonlySet<string> = new Set([
  'please',
  'pls',
  'plz',
  'kindly',
  'can',
  'could',
  'would',
  'will',
  'you',
  'u',
  'me',
  'show',
  'list',
  'find',
  'get',
  'open',
  'give',
  'display',
  'tell',
  'fetch',
  'view',
  'see',
  'look',
  'lookup',
  'up',
  'search',
  'check',
  'i',
  "i'd",
  'want',
  'to',
  'need',
  'like',
  'the',
  'all',
  'my',
  'our',
  'a',
  'an',
  'some',
  'any',
  'for',
  'of',
  'on',
  'in',
  'at',
  'with',
  'and',
  'about',
  'what',
  'whats',
  "what's",
  'is',
  'are',
  'bot',
  'hey',
  'hi',
  'hello',
  'hiya',
  'yo',
  'there',
  'ok',
  'okay',
  'now',
  'thanks',
  'thank',
  'thx',
  'details',
  'detail',
  'info',
  'information',
  'status',
  'again',
  'just',
  'quickly',
  'latest',
  'current',
  'every',
  'everything',
]);

/** The areas of the bot a keyword points at. `secret` is the elevation password. */
export type Family = 'audit' | 'notes' | 'secret' | 'elevation' | 'tickets' | 'devices' | 'users';

/** When a message names several areas, the first family in this list wins. */
export const FAMILY_PRIORITY: readonly Family[] = ['audit', 'notes', 'secret', 'elevation', 'tickets', 'devices', 'users'];

const SINGULAR_DEVICE_WORDS = ['device', 'computer', 'machine', 'pc', 'laptop', 'workstation', 'endpoint'];
const PLURAL_DEVICE_WORDS = ['devices', 'computers', 'machines', 'pcs', 'laptops', 'workstations', 'endpoints'];

export const SINGULAR_DEVICE: ReadonlySet<string> = new Set(SINGULAR_DEVICE_WORDS);

export const TICKET_WORDS: ReadonlySet<string> = new Set(['ticket', 'tickets', 'incident', 'incidents', 'case', 'cases']);

export const FAMILY_WORDS: ReadonlyMap<string, Family> = new Map<string, Family>([
  ['audit', 'audit'],
  ['audits', 'audit'],
  ['auditing', 'audit'],
  ['notes', 'notes'],
  ['note', 'notes'],
  ['comments', 'notes'],
  ['comment', 'notes'],
  ['password', 'secret'],
  ['passwords', 'secret'],
  ['pwd', 'secret'],
  ['laps', 'secret'],
  ['credential', 'secret'],
  ['credentials', 'secret'],
  ['elevation', 'elevation'],
  ['elevations', 'elevation'],
  ...[...TICKET_WORDS].map((w): [string, Family] => [w, 'tickets']),
  ...[...SINGULAR_DEVICE_WORDS, ...PLURAL_DEVICE_WORDS].map((w): [string, Family] => [w, 'devices']),
  ['user', 'users'],
  ['users', 'users'],
  ['people', 'users'],
  ['person', 'users'],
  ['persons', 'users'],
]);

/** First meaningful word asking for help. */
export const HELP_WORDS: ReadonlySet<string> = new Set(['help', 'commands', 'command', 'menu', 'usage', 'options', 'manual']);

/** Whole phrases asking what the bot does, matched inside the lower-cased message. */
export const HELP_PHRASES: readonly string[] = [
  'what can you do',
  'what do you do',
  'what can i ask',
  'what can i do',
  'what can i say',
  'what can i type',
  'how does this work',
  'how do you work',
  'how do i use',
  'who are you',
  'what are you',
];

/** Words in front of a search term that are not part of it ("devices of Adele"). */
export const SEARCH_CONNECTORS: ReadonlySet<string> = new Set([
  'for',
  'of',
  'by',
  'from',
  'named',
  'called',
  'matching',
  'match',
  'like',
  'with',
  'belonging',
  'belongs',
  'to',
  'owned',
  'assigned',
  'used',
  'user',
  'owner',
  'search',
  'containing',
  'contains',
  'the',
  'all',
  'my',
  'a',
  'an',
  'in',
  'on',
  'whose',
  'name',
  'is',
  'are',
  'that',
  'which',
]);

/** Verbs that create a ticket when a ticket noun follows ("raise a ticket"). */
export const CREATE_VERBS: ReadonlySet<string> = new Set([
  'create',
  'raise',
  'file',
  'log',
  'submit',
  'make',
  'add',
  'start',
  'report',
  'lodge',
  'opening',
]);
/** Nouns of a ticket being created; "issue" and "problem" only here ("report a problem"). */
export const CREATE_NOUNS: ReadonlySet<string> = new Set([...TICKET_WORDS, 'issue', 'problem']);
/** May stand between a create verb and its noun. */
export const CREATE_BETWEEN: ReadonlySet<string> = new Set(['a', 'an', 'the', 'new', 'another', 'support', 'service', 'one', 'me']);

/** Verbs that ask for elevation when an elevation noun follows ("request admin on X"). */
export const ELEVATE_VERBS: ReadonlySet<string> = new Set([
  'request',
  'requesting',
  'ask',
  'need',
  'want',
  'create',
  'new',
  'raise',
  'submit',
  'get',
  'give',
  'grant',
  'make',
]);
export const ELEVATE_NOUNS: ReadonlySet<string> = new Set(['elevation', 'admin', 'administrator', 'elevated', 'elevate']);
export const ELEVATE_BETWEEN: ReadonlySet<string> = new Set([
  'a',
  'an',
  'for',
  'me',
  'local',
  'temporary',
  'temp',
  'new',
  'some',
  'to',
  'be',
  'become',
  'us',
]);
/** After an elevation noun these mean something else than a new request. */
export const ELEVATE_NOT_AFTER: ReadonlySet<string> = new Set([
  'requests',
  'details',
  'detail',
  'info',
  'password',
  'passwords',
  'pwd',
  'credentials',
  'credential',
  'laps',
]);

/** Words right before a device name that make even a weak-looking name count ("on pc01"). */
export const DEVICE_LEADS: ReadonlySet<string> = new Set([
  ...SINGULAR_DEVICE_WORDS,
  ...PLURAL_DEVICE_WORDS,
  'on',
  'for',
  'of',
  'to',
  'elevate',
  'elevation',
  'elevations',
  'admin',
  'administrator',
  'password',
  'laps',
  'credentials',
  'named',
  'called',
]);

/** Start a "who is ..." question about a user (or "who has <device>"). */
export const WHO_WORDS: ReadonlySet<string> = new Set(['who', "who's", 'whois', 'whos']);
