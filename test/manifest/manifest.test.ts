/**
 * manifest/manifest.json as the packager fills it: the official schema (offline, the newest the
 * library ships), bot scopes, command lists from the parser's list, SSO and domains from
 * configuration.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppPackage } from '../../scripts/app-package/build-package';
import { offeredCommands } from '../../scripts/app-package/bot-commands';
import type { Json } from '../../scripts/app-package/fill-template';
import { DEV_BOT_ID, DEV_TEAMS_APP_ID } from '../../scripts/app-package/package-config';
import { schemaProblems } from '../../scripts/app-package/schema-check';
import { COMMANDS } from '../../src/intents/commands';
import { parseIntent } from '../../src/intents/parse-intent';
import { newestShippedVersion, validateOffline, withFetchRecorded } from './offline-schema';

const root = join(__dirname, '..', '..');
const template = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8')) as { $schema: string; manifestVersion: string };

interface Manifest {
  id: string;
  version: string;
  developer: Record<string, string>;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  staticTabs?: unknown;
  composeExtensions?: unknown;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmd-manifest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function filled(env: Record<string, string>): Promise<Manifest> {
  const result = await buildAppPackage({ env, root, outFile: join(dir, 'app.zip'), log: () => undefined });
  expect(result.problems).toEqual([]);
  return result.manifest as unknown as Manifest;
}

const PRODUCTION = {
  TEAMS_APP_ID: '2f0a4c53-8e1b-4d7a-9a43-6b1e5f2c9d10',
  MicrosoftAppId: '8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  BOT_DOMAIN: 'mmd-assist.azurewebsites.net',
  DEVELOPER_NAME: 'Contoso IT',
  DEVELOPER_WEBSITE_URL: 'https://it.contoso.com/',
  DEVELOPER_PRIVACY_URL: 'https://it.contoso.com/privacy',
  DEVELOPER_TERMS_URL: 'https://it.contoso.com/terms',
};

test('the template names the newest Teams schema @microsoft/app-manifest ships', () => {
  const newest = newestShippedVersion();
  expect(template.manifestVersion).toBe(newest);
  expect(template.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
});

test('filled from configuration, the manifest passes the official schema without touching the network', async () => {
  const manifest = await filled(PRODUCTION);
  const { errors, fetched } = await validateOffline(manifest, template.manifestVersion);
  expect(errors).toEqual([]);
  expect(fetched).toEqual([]);
  expect(manifest.id).toBe(PRODUCTION.TEAMS_APP_ID);
  expect(manifest.bots[0]!.botId).toBe(PRODUCTION.MicrosoftAppId);
  expect(manifest.validDomains).toEqual(['mmd-assist.azurewebsites.net']);
  expect(manifest.webApplicationInfo).toEqual({
    id: PRODUCTION.MicrosoftAppId,
    resource: `api://mmd-assist.azurewebsites.net/${PRODUCTION.MicrosoftAppId}`,
  });
  expect(manifest.developer).toEqual({
    name: 'Contoso IT',
    websiteUrl: 'https://it.contoso.com/',
    privacyUrl: 'https://it.contoso.com/privacy',
    termsOfUseUrl: 'https://it.contoso.com/terms',
  });
  expect(manifest.version).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
});

test('APP_VERSION, TEAMS_SSO_APP_ID and TEAMS_SSO_RESOURCE override their defaults', async () => {
  const manifest = await filled({
    ...PRODUCTION,
    APP_VERSION: '2.3.4',
    TEAMS_SSO_APP_ID: '11111111-2222-4333-8444-555555555555',
    TEAMS_SSO_RESOURCE: 'api://tab.contoso.com/11111111-2222-4333-8444-555555555555',
  });
  expect(manifest.version).toBe('2.3.4');
  expect(manifest.webApplicationInfo).toEqual({
    id: '11111111-2222-4333-8444-555555555555',
    resource: 'api://tab.contoso.com/11111111-2222-4333-8444-555555555555',
  });
});

test('without configuration the development ids and localhost fill it, and it still passes the schema', async () => {
  const manifest = await filled({});
  expect(manifest.id).toBe(DEV_TEAMS_APP_ID);
  expect(manifest.bots[0]!.botId).toBe(DEV_BOT_ID);
  expect(manifest.validDomains).toEqual(['localhost']);
  expect((await validateOffline(manifest, template.manifestVersion)).errors).toEqual([]);
});

test('the bot is offered in personal, team and group chats, with one command list per scope', async () => {
  const bot = (await filled(PRODUCTION)).bots[0]!;
  expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  expect(bot.commandLists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
  for (const list of bot.commandLists) expect(list.commands).toEqual(offeredCommands().commands);
});

test("the command lists come from the parser's command list, are handled by the bot and leave admin commands out", async () => {
  const commands = (await filled(PRODUCTION)).bots[0]!.commandLists[0]!.commands;
  expect(commands.length).toBe(10);
  for (const command of commands) {
    const spec = COMMANDS.find((c) => c.name === command.title);
    expect(spec?.name).toBe(command.title);
    expect(spec!.adminOnly).toBeFalsy();
    expect(command.description).toBe(spec!.description);
    expect(parseIntent(command.title).kind).not.toBe('unknown');
  }
  expect(commands.map((c) => c.title)).toEqual(expect.arrayContaining(['help', 'devices', 'tickets', 'new ticket']));
});

test('the dashboard is a personal tab served by the bot, and webApplicationInfo names the SSO audience', async () => {
  const manifest = await filled(PRODUCTION);
  expect(manifest.staticTabs).toEqual([
    {
      entityId: 'dashboard',
      name: 'Dashboard',
      contentUrl: 'https://mmd-assist.azurewebsites.net/tab/',
      websiteUrl: 'https://mmd-assist.azurewebsites.net/tab/',
      scopes: ['personal'],
    },
  ]);
  const sameAsServer = await filled({
    ...PRODUCTION,
    TAB_SSO_AUDIENCE: `https://x, api://mmd-assist.azurewebsites.net/${PRODUCTION.MicrosoftAppId}`,
  });
  expect(sameAsServer.webApplicationInfo.resource).toBe(`api://mmd-assist.azurewebsites.net/${PRODUCTION.MicrosoftAppId}`);
  const audience = await filled({ ...PRODUCTION, TAB_SSO_AUDIENCE: 'api://sso.contoso.com/11111111-2222-4333-8444-555555555555' });
  expect(audience.webApplicationInfo.resource).toBe('api://sso.contoso.com/11111111-2222-4333-8444-555555555555');
  expect((await validateOffline(audience, template.manifestVersion)).errors).toEqual([]);
});

test('the message extension: search and "Create MMD ticket" run by the bot, links unfurled on the admin center and bot domains', async () => {
  const manifest = await filled(PRODUCTION);
  expect(manifest.composeExtensions).toEqual([
    expect.objectContaining({
      botId: manifest.bots[0]!.botId,
      commands: [
        expect.objectContaining({ id: 'search', type: 'query', initialRun: true, context: ['compose', 'commandBox'] }),
        expect.objectContaining({ id: 'createTicket', type: 'action', fetchTask: true, context: ['message'] }),
      ],
      messageHandlers: [
        { type: 'link', value: { domains: ['intune.microsoft.com', 'endpoint.microsoft.com', 'mmd-assist.azurewebsites.net'] } },
      ],
    }),
  ]);
});

test('the schema check really runs: a manifest without a name or with a bad id fails it', async () => {
  const manifest = (await filled(PRODUCTION)) as unknown as Record<string, Json>;
  const broken = { ...manifest, id: 'not-a-guid' } as Record<string, Json>;
  delete broken.name;
  const problems = await schemaProblems(broken);
  expect(problems.join('\n')).toMatch(/must have required property 'name'/);
  expect(problems.join('\n')).toMatch(/\/id must match pattern/);
});

test('a $schema the library does not ship is refused, never fetched', async () => {
  const manifest = (await filled(PRODUCTION)) as unknown as Record<string, Json>;
  const { value, fetched } = await withFetchRecorded(() =>
    schemaProblems({ ...manifest, $schema: 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json' }),
  );
  expect(value).toEqual([expect.stringMatching(/not a Teams schema shipped by @microsoft\/app-manifest: cannot validate offline/)]);
  expect(fetched).toEqual([]);
});
