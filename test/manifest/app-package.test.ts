/**
 * `npm run package` as a fresh checkout runs it: no configuration, the committed manifest and
 * icons. The zip is read back with another library and its manifest validated against the
 * official schema here, offline. Broken manifests are refused without a zip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppPackage } from '../../scripts/app-package/build-package';
import { packageCommand } from '../../scripts/app-package/package-command';
import { DEV_TEAMS_APP_ID } from '../../scripts/app-package/package-config';
import { validateOffline } from './offline-schema';
import { readZip } from './read-zip';

const root = join(__dirname, '..', '..');
let dir: string;
let lines: string[];
const log = (line: string): void => void lines.push(line);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmd-package-'));
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the inputs of the package are committed, so a fresh clone has them', () => {
  const tracked = execFileSync('git', ['ls-files', 'manifest'], { cwd: root, encoding: 'utf8' }).split('\n');
  expect(tracked).toEqual(
    expect.arrayContaining(['manifest/manifest.json', 'manifest/color.png', 'manifest/outline.png', 'manifest/icon.svg']),
  );
});

test('without configuration: a development package whose manifest passes the official schema', async () => {
  const outFile = join(dir, 'build', 'appPackage.zip');
  const result = await buildAppPackage({ env: {}, root, outFile, log });
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
  expect(lines[0]).toMatch(
    /^Development package \(TEAMS_APP_ID, MicrosoftAppId, BOT_DOMAIN not set\): app id 6d6d6441-.*for local use only/,
  );
  expect(lines).toContain(`Wrote ${outFile} (Teams app ${DEV_TEAMS_APP_ID}, version 0.1.0, bot 6d6d6441-7373-6973-7400-000000000002)`);

  const entries = await readZip(outFile);
  expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  expect(entries.get('color.png')).toEqual(readFileSync(join(root, 'manifest', 'color.png')));
  expect(entries.get('outline.png')).toEqual(readFileSync(join(root, 'manifest', 'outline.png')));
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { id: string; manifestVersion: string };
  expect(manifest.id).toBe(DEV_TEAMS_APP_ID);
  const { errors, fetched } = await validateOffline(manifest, manifest.manifestVersion);
  expect(errors).toEqual([]);
  expect(fetched).toEqual([]);
});

test('the same inputs give the same zip bytes', async () => {
  const env = {
    TEAMS_APP_ID: '2f0a4c53-8e1b-4d7a-9a43-6b1e5f2c9d10',
    MicrosoftAppId: '8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
    BOT_DOMAIN: 'bot.contoso.com',
  };
  await buildAppPackage({ env, root, outFile: join(dir, 'a.zip'), log });
  await buildAppPackage({ env, root, outFile: join(dir, 'b.zip'), log });
  expect(readFileSync(join(dir, 'a.zip'))).toEqual(readFileSync(join(dir, 'b.zip')));
  expect(lines.some((l) => l.startsWith('Development package'))).toBe(false);
});

test('a bad GUID is refused: no zip, and a stale zip from an earlier run is removed', async () => {
  const outFile = join(dir, 'appPackage.zip');
  writeFileSync(outFile, 'an older package');
  const result = await buildAppPackage({ env: { TEAMS_APP_ID: 'my-teams-app' }, root, outFile, log });
  expect(result.ok).toBe(false);
  expect(result.problems).toContain('/id (TEAMS_APP_ID) must be a GUID like 6d6d6441-7373-6973-7400-000000000001');
  expect(result.problems.some((p) => p.startsWith('schema: /id must match pattern'))).toBe(true);
  expect(existsSync(outFile)).toBe(false);
  expect(existsSync(`${outFile}.partial`)).toBe(false);
});

test('a too-long command title in the template is refused', async () => {
  const template = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8')) as {
    bots: { commandLists: { commands: unknown }[] }[];
  };
  template.bots[0]!.commandLists[1]!.commands = [{ title: 'tickets about printers on the third floor', description: 'Tickets.' }];
  const templateFile = join(dir, 'manifest.json');
  writeFileSync(templateFile, JSON.stringify(template));
  const outFile = join(dir, 'appPackage.zip');
  const result = await buildAppPackage({ env: {}, root, outFile, templateFile, log });
  expect(result.problems).toEqual([
    '/bots/0/commandLists/1/commands/0 title "tickets about printers on the third floor" is 41 characters; at most 32',
  ]);
  expect(existsSync(outFile)).toBe(false);
});

test('a template that is not JSON or names an unknown placeholder is refused with the reason', async () => {
  const templateFile = join(dir, 'manifest.json');
  writeFileSync(templateFile, '{"id": "{{TEAMS_APP_GUID}}"}');
  const result = await buildAppPackage({ env: {}, root, outFile: join(dir, 'a.zip'), templateFile, log });
  expect(result.problems).toEqual(['manifest template: /id: unknown placeholder {{TEAMS_APP_GUID}}']);
  writeFileSync(templateFile, '{"id": ');
  const broken = await buildAppPackage({ env: {}, root, outFile: join(dir, 'a.zip'), templateFile, log });
  expect(broken.problems).toEqual([expect.stringMatching(/^manifest template: .*JSON/)]);
});

describe('the command (what npm run package prints and returns)', () => {
  test('success: exit code 0, the notices and the path on stdout, nothing on stderr', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const outFile = join(dir, 'appPackage.zip');
    const code = await packageCommand({ env: {}, root, outFile }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(/Development package[\s\S]*Wrote .*appPackage\.zip/);
    expect(existsSync(outFile)).toBe(true);
  });

  test('refusal: exit code 1 and every problem on stderr', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await packageCommand(
      { env: { TEAMS_APP_ID: 'x', BOT_DOMAIN: 'https://bot.contoso.com' }, root, outFile: join(dir, 'appPackage.zip') },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^App package NOT written: the manifest has \d+ problem\(s\):$/);
    expect(err).toContain('  - /id (TEAMS_APP_ID) must be a GUID like 6d6d6441-7373-6973-7400-000000000001');
    expect(err).toContain('  - /validDomains/0 (BOT_DOMAIN) "https://bot.contoso.com" must be a host name only (no https://, no path)');
    expect(existsSync(join(dir, 'appPackage.zip'))).toBe(false);
  });
});
