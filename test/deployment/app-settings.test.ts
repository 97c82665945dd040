/**
 * The Azure template against docs/configuration.md and src/: every variable of its table is
 * an app setting, nothing is set that the app (or the platform) does not read, secrets are Key
 * Vault references. The lists are derived from the files, so a new variable needs only its row
 * and its setting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { variables } from '../../src/config/variables';
import { readmeVariables, settingProblems, sourceReads, templateSettings } from './settings-check';

const root = join(__dirname, '..', '..');
/** Standalone dev tools under src/, documented under the table (EMULATOR_PORT, ...), never deployed. */
const DEV_ONLY = ['src/emulator/main.ts'];

const readme = readmeVariables(readFileSync(join(root, 'docs', 'configuration.md'), 'utf8'));
const summary = readmeVariables(readFileSync(join(root, 'README.md'), 'utf8'));
const bicep = readFileSync(join(root, 'deployment', 'azure', 'main.bicep'), 'utf8');
const settings = templateSettings(bicep);
const reads = sourceReads(root, DEV_ONLY);
// loadConfig reads the environment through one schema (src/config/variables.ts): its keys are reads too.
for (const name of Object.keys(variables.shape)) reads.set(name, [...(reads.get(name) ?? []), 'src/config/variables.ts']);

test("README's short configuration table names only variables of docs/configuration.md", () => {
  expect(summary.length).toBeGreaterThan(5);
  expect(summary.filter((name) => !readme.includes(name))).toEqual([]);
});

test('the three lists are found (the parsers would not silently find nothing)', () => {
  for (const list of [readme, [...settings.keys()], [...reads.keys()]]) {
    expect(list).toEqual(expect.arrayContaining(['MicrosoftAppId', 'MMD_API_BASE_URL', 'STORAGE', 'AZURE_STORAGE_CONNECTION_STRING']));
  }
});

test('docs/configuration.md table, template app settings and src/ reads agree; secrets are Key Vault references', () => {
  expect(settingProblems({ readme, settings, reads })).toEqual([]);
});

test('the template runs the blob backend with its container', () => {
  expect(settings.get('STORAGE')).toBe("'azure-blob'");
  expect(settings.get('AZURE_STORAGE_CONTAINER')).toBe('storageContainer');
  expect(bicep).toMatch(
    /resource container 'Microsoft\.Storage\/storageAccounts\/blobServices\/containers@[^']+' = \{\n\s+parent: blobs\n\s+name: storageContainer/,
  );
});

test('the template has the Azure Bot with the Teams channel, Linux Node 24, Application Insights and the app registration parameters', () => {
  expect(bicep).toMatch(/'Microsoft\.BotService\/botServices@/);
  expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
  expect(bicep).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
  expect(bicep).toMatch(/healthCheckPath: '\/healthz'/);
  expect(bicep).toMatch(/'Microsoft\.Insights\/components@/);
  // Telemetry is the app's own (OpenTelemetry distro); App Service's agent on top would count everything twice.
  expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('insights.properties.ConnectionString');
  expect(settings.has('ApplicationInsightsAgent_EXTENSION_VERSION')).toBe(false);
  for (const param of ['botAppId', 'botAppPassword', 'botTenantId', 'mmdTenantId', 'mmdClientId', 'mmdClientSecret']) {
    expect(bicep).toMatch(new RegExp(`^param ${param} string`, 'm'));
  }
  expect(bicep).toMatch(/@secure\(\)\n@description\([^\n]*\)\nparam botAppPassword string/);
});

describe('the check itself names what is missing where', () => {
  const base = {
    readme: ['MicrosoftAppId', 'MicrosoftAppPassword', 'NEW_VAR'],
    settings: new Map([
      ['MicrosoftAppId', 'botAppId'],
      ['MicrosoftAppPassword', "'plain text'"],
      ['STALE_VAR', "''"],
      ['WEBSITES_PORT', "'8080'"],
    ]),
    reads: new Map([
      ['MicrosoftAppId', ['src/config/config.ts']],
      ['MicrosoftAppPassword', ['src/config/config.ts']],
      ['NEW_VAR', ['src/config/config.ts']],
      ['UNDOCUMENTED', ['src/notify/settings.ts']],
    ]),
  };
  test('each kind of disagreement gives one line naming the variable and the file to change', () => {
    expect(settingProblems(base)).toEqual([
      'NEW_VAR is in docs/configuration.md\'s table but not an app setting in deployment/azure/main.bicep (add "NEW_VAR: ..." to the appsettings resource)',
      'STALE_VAR is set in deployment/azure/main.bicep but nothing in src/ reads it (remove it, or list it in PLATFORM_SETTINGS with the reason)',
      "UNDOCUMENTED is read by src/notify/settings.ts but has no row in docs/configuration.md's table",
      'MicrosoftAppPassword in deployment/azure/main.bicep is a secret but not a Key Vault reference',
    ]);
  });
  test('parsers: README rows with several variables, bicep settings with quoted names', () => {
    const md =
      '# X\n## Configuration\ntext\n\n| variable | meaning |\n| --- | --- |\n| `A`, `B_C` | x `not a var` |\n| `D` | y |\n\nafter\n| `E` | no |\n';
    expect(readmeVariables(md)).toEqual(['A', 'B_C', 'D']);
    const b =
      "resource s 'Microsoft.Web/sites/config@2023-12-01' = {\n  name: 'appsettings'\n  properties: {\n    A: 'x'\n    'B_C': y ? 'a' : 'b'\n  }\n}\nresource t 'x' = {\n  properties: {\n    Z: 1\n  }\n}\n";
    expect([...templateSettings(b)]).toEqual([
      ['A', "'x'"],
      ['B_C', "y ? 'a' : 'b'"],
    ]);
  });
});
