/**
 * The Microsoft 365 Agents Toolkit project files (m365agents.yml, m365agents.local.yml, env/)
 * against the repository: every file they name exists (or is what an npm script they run
 * writes), every Bicep parameter they pass is a parameter of deployment/azure/main.bicep and
 * every required one is passed, every ${{VARIABLE}} is defined (in the environment's env file,
 * written by an earlier action, or an output of the Bicep template), every `npm run` names a
 * package.json script, and every action is one the toolkit has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The toolkit's actions (https://aka.ms/teamsfx-actions) used by project files. */
const ACTIONS = new Set([
  'teamsApp/create',
  'teamsApp/update',
  'teamsApp/validateManifest',
  'teamsApp/validateAppPackage',
  'teamsApp/zipAppPackage',
  'teamsApp/publishAppPackage',
  'aadApp/create',
  'aadApp/update',
  'botAadApp/create',
  'botFramework/create',
  'arm/deploy',
  'azureAppService/zipDeploy',
  'cli/runNpmCommand',
  'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile',
  'script',
]);

/** Files that only exist after an npm script the project file runs before using them. */
const WRITTEN_BY: Record<string, { script: string; marker: string }> = {
  'build/appPackage.zip': { script: 'package', marker: "join(root, 'build', 'appPackage.zip')" },
  'build/app': { script: 'bundle', marker: "process.argv.indexOf('--dir')" },
};
const SCRIPT_SOURCES: Record<string, string> = { package: 'scripts/app-package/build-package.ts', bundle: 'scripts/bundle.mjs' };

const bicep = read('deployment/azure/main.bicep');
const bicepParams = new Map([...bicep.matchAll(/^param (\w+) \w+( =)?/gm)].map((m) => [m[1]!, m[2] !== undefined]));
const bicepOutputs = new Set([...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!));
const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

function envFile(env: string): Set<string> {
  return new Set([...read(`env/.env.${env}`).matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!));
}

describe.each([
  ['m365agents.yml', 'dev'],
  ['m365agents.local.yml', 'local'],
])('%s (environment %s)', (file, env) => {
  const yml = read(file);
  const written = new Set([...yml.matchAll(/^\s+\w+: ([A-Z][A-Za-z0-9_]*)\s*$/gm)].map((m) => m[1]!));

  it('uses the toolkit schema, its env folder and only actions the toolkit has', () => {
    expect(yml).toMatch(/^version: v1\.\d+$/m);
    expect(yml).toMatch(/^environmentFolderPath: \.\/env$/m);
    const uses = [...yml.matchAll(/- uses: (\S+)/g)].map((m) => m[1]!);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((u) => !ACTIONS.has(u))).toEqual([]);
  });

  it('names files that exist, or that the npm script it runs first writes', () => {
    const paths = [...yml.matchAll(/^\s+-?\s*(?:path|parameters|appPackagePath|artifactFolder|manifestPath|target): (\S+)/gm)].map((m) =>
      m[1]!.replace(/^\.\//, ''),
    );
    const missing: string[] = [];
    for (const path of paths) {
      if (path.startsWith('.localConfigs')) continue; // written by the action itself
      const writer = WRITTEN_BY[path];
      if (writer) {
        expect(yml).toContain(`npm run ${writer.script}`);
        expect(read(SCRIPT_SOURCES[writer.script]!)).toContain(writer.marker);
      } else if (!existsSync(join(root, path))) missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('runs npm scripts that package.json has', () => {
    const runs = [...yml.matchAll(/npm run (\w[\w:-]*)|args: run (\w[\w:-]*)/g)].map((m) => m[1] ?? m[2]!);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.filter((r) => !scripts.includes(r))).toEqual([]);
  });

  it('defines every ${{VARIABLE}} it and its Bicep parameters file use', () => {
    const defined = envFile(env);
    const parameterFiles = [...yml.matchAll(/parameters: (\S+)/g)].map((m) => read(m[1]!));
    const used = [yml, ...parameterFiles].flatMap((text) => [...text.matchAll(/\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(0);
    const undefinedVars = used.filter((v) => !defined.has(v) && !written.has(v) && !bicepOutputs.has(v));
    expect([...new Set(undefinedVars)]).toEqual([]);
  });
});

describe('deployment/azure/main.parameters.json', () => {
  const parameters = Object.keys(
    (JSON.parse(read('deployment/azure/main.parameters.json')) as { parameters: Record<string, unknown> }).parameters,
  );

  it('passes only parameters of main.bicep and every one without a default', () => {
    expect(parameters.filter((p) => !bicepParams.has(p))).toEqual([]);
    const required = [...bicepParams].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    expect(required.filter((p) => !parameters.includes(p))).toEqual([]);
  });

  it('main.bicep has the outputs the toolkit writes back (the deploy target and the bot domain)', () => {
    for (const output of ['BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']) expect(bicepOutputs.has(output)).toBe(true);
  });
});

describe('the environment files', () => {
  it('give `npm run package` the three values a tenant package needs, under the names it reads', () => {
    const dev = envFile('dev');
    for (const name of ['TEAMS_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN']) expect(dev.has(name)).toBe(true);
    expect(read('scripts/app-package/package-config.ts')).toContain(
      "DEVELOPMENT_VARIABLES = ['TEAMS_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN']",
    );
  });

  it('keep secrets out of the committed files (SECRET_* goes to the git-ignored .user file)', () => {
    for (const env of ['dev', 'local']) expect([...envFile(env)].filter((n) => n.startsWith('SECRET_'))).toEqual([]);
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
  });
});

test('F5 (.vscode/launch.json) runs an npm script package.json has: the bot in sandbox mode and the Agents Playground', () => {
  const launch = JSON.parse(read('.vscode/launch.json')) as {
    configurations: { name: string; runtimeExecutable?: string; runtimeArgs?: string[] }[];
  };
  const [first] = launch.configurations;
  expect(first?.runtimeExecutable).toBe('npm');
  expect(first?.runtimeArgs?.[0]).toBe('run');
  expect(scripts).toContain(first?.runtimeArgs?.[1]);
  expect(first?.name).toMatch(/Agents Playground/);
});
