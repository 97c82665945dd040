/** Teams' rules beyond the schema: each one refuses a manifest, naming the field and the variable to fix. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offeredCommands } from '../../scripts/app-package/bot-commands';
import { fillTemplate, type Json } from '../../scripts/app-package/fill-template';
import { readPackageConfig } from '../../scripts/app-package/package-config';
import { teamsRuleProblems } from '../../scripts/app-package/teams-rules';

type Command = { title: string; description: string };
type Manifest = {
  id: string;
  version: string;
  validDomains: string[];
  developer: Record<string, string>;
  webApplicationInfo: { id: string; resource: string };
  bots: { botId: string; commandLists: { scopes: string[]; commands: Command[] }[] }[];
};

const template = JSON.parse(readFileSync(join(__dirname, '..', '..', 'manifest', 'manifest.json'), 'utf8')) as Json;

function manifest(): Manifest {
  const { values } = readPackageConfig({ BOT_DOMAIN: 'bot.contoso.com' }, '1.0.0');
  return fillTemplate(template, { ...values, BOT_COMMANDS: offeredCommands().commands as unknown as Json }) as unknown as Manifest;
}
const problems = (m: Manifest): string[] => teamsRuleProblems(m);
const commands = (m: Manifest): Command[] => m.bots[0]!.commandLists[0]!.commands;

test('the filled template breaks no rule', () => {
  expect(problems(manifest())).toEqual([]);
});

test.each([
  ['/id (TEAMS_APP_ID)', (m: Manifest) => (m.id = 'not-a-guid')],
  ['/bots/0/botId (MicrosoftAppId)', (m: Manifest) => (m.bots[0]!.botId = '6d6d6441-7373-6973-7400')],
  ['/webApplicationInfo/id (TEAMS_SSO_APP_ID)', (m: Manifest) => (m.webApplicationInfo.id = '{6d6d6441-7373-6973-7400-000000000001}')],
])('%s must be a GUID', (field, breakIt) => {
  const m = manifest();
  breakIt(m);
  expect(problems(m)).toEqual([`${field} must be a GUID like 6d6d6441-7373-6973-7400-000000000001`]);
});

test('a command title over 32 characters is refused', () => {
  const m = manifest();
  commands(m)[0]!.title = 'devices '.padEnd(33, 'x');
  expect(problems(m)).toEqual([
    expect.stringMatching(/^\/bots\/0\/commandLists\/0\/commands\/0 title "devices x+" is 33 characters; at most 32$/),
  ]);
});

test('a command description over 128 characters is refused', () => {
  const m = manifest();
  commands(m)[1]!.description = 'd'.repeat(129);
  expect(problems(m)).toEqual([expect.stringMatching(/commands\/1 description of ".+" is 129 characters; at most 128$/)]);
});

test('more than 10 commands in a list are refused', () => {
  const m = manifest();
  commands(m).push({ title: 'help me', description: 'Help.' });
  expect(commands(m).length).toBe(11);
  expect(problems(m)).toEqual(['/bots/0/commandLists/0 has 11 commands; Teams shows at most 10']);
});

test('a command the bot does not handle as typed is refused', () => {
  const m = manifest();
  commands(m)[2]!.title = 'notes';
  expect(problems(m)).toEqual([
    '/bots/0/commandLists/0/commands/2 "notes" is not a command the bot handles (src/intents/parse-intent.ts answers it as unknown)',
  ]);
});

test('the same title twice in a list is refused', () => {
  const m = manifest();
  commands(m)[1]!.title = commands(m)[0]!.title;
  expect(problems(m)).toEqual([expect.stringMatching(/commands\/1 title ".+" appears twice in the list/)]);
});

test('version, domain, SSO resource and developer URLs are checked, naming their variables', () => {
  const m = manifest();
  m.version = '1.0';
  m.validDomains = ['https://bot.contoso.com/api'];
  m.webApplicationInfo.resource = 'https://bot.contoso.com';
  m.developer.privacyUrl = 'http://contoso.com/privacy';
  expect(problems(m)).toEqual([
    '/version (APP_VERSION) must be MAJOR.MINOR.PATCH numbers, e.g. 1.0.0',
    '/webApplicationInfo/resource (TEAMS_SSO_RESOURCE) must be an api:// Application ID URI',
    '/validDomains/0 (BOT_DOMAIN) "https://bot.contoso.com/api" must be a host name only (no https://, no path)',
    '/developer/privacyUrl (DEVELOPER_PRIVACY_URL) must be an https URL',
  ]);
});

test('a placeholder left unfilled is refused', () => {
  const m = manifest();
  m.developer.name = '{{DEVELOPER}}';
  expect(problems(m)).toEqual(['placeholder {{DEVELOPER}} was not filled']);
});

type Extension = { botId: string; commands: { id: string; type?: string }[] };

test('the message extension is held to the same GUID rule', () => {
  const m = manifest() as Manifest & { composeExtensions: Extension[] };
  m.composeExtensions[0]!.botId = 'bot';
  expect(problems(m)).toEqual(['/composeExtensions/0/botId (MicrosoftAppId) must be a GUID like 6d6d6441-7373-6973-7400-000000000001']);
});

test('every message extension command id is one the bot routes (src/bot/routes.ts, extensions)', () => {
  const m = manifest() as Manifest & { composeExtensions: Extension[] };
  expect(m.composeExtensions[0]!.commands.map((c) => c.id)).toEqual(['search', 'createTicket']);
  m.composeExtensions[0]!.commands[0]!.id = 'find';
  // An action id used as a search command is not handled either: the routes are per type.
  m.composeExtensions[0]!.commands[1]!.type = 'query';
  expect(problems(m)).toEqual([
    '/composeExtensions/0/commands/0 "find" (query) is not a message extension command the bot handles (src/bot/routes.ts, extensions.query)',
    '/composeExtensions/0/commands/1 "createTicket" (query) is not a message extension command the bot handles (src/bot/routes.ts, extensions.query)',
  ]);
});
