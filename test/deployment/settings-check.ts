/**
 * Test helper: what docs/configuration.md's table lists, what the Bicep template sets as app
 * settings, and what src/ reads from the environment, derived from the files themselves so a new
 * variable only needs its row there and its app setting. Each problem names the variable and
 * the file to change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Settings the platform reads, not the app; each with the reason. */
const PLATFORM_SETTINGS: Readonly<Record<string, string>> = {
  WEBSITES_PORT: 'App Service: the port the container listens on',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service: the zip is deployed built, no Oryx build',
};

/** Not secrets although the name says so: the App Insights connection string is an ingestion key, not a credential. */
const NOT_SECRET = new Set(['APPLICATIONINSIGHTS_CONNECTION_STRING']);
const SECRET_NAME = /PASSWORD|SECRET|CONNECTION_STRING|_KEY$/i;

/** Variables in the first column of the first table under a "# Configuration" or "## Configuration" heading. */
export function readmeVariables(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => /^#{1,2} Configuration\s*$/.test(l));
  if (start < 0) throw new Error('no "Configuration" heading');
  const tableStart = lines.findIndex((l, i) => i > start && l.startsWith('|'));
  const names: string[] = [];
  for (let i = tableStart + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    const firstCell = lines[i]!.split('|')[1] ?? '';
    for (const m of firstCell.matchAll(/`([^`]+)`/g)) if (NAME.test(m[1]!)) names.push(m[1]!);
  }
  return names;
}

/** name -> value expression of the `Microsoft.Web/sites/config` appsettings resource. */
export function templateSettings(bicep: string): Map<string, string> {
  const lines = bicep.split('\n');
  const start = lines.findIndex((l) => /^resource \w+ 'Microsoft\.Web\/sites\/config@/.test(l));
  if (start < 0) throw new Error("main.bicep has no 'Microsoft.Web/sites/config' (appsettings) resource");
  const propsAt = lines.findIndex((l, i) => i > start && /^\s+properties: \{\s*$/.test(l));
  const indent = /^\s*/.exec(lines[propsAt]!)![0];
  const settings = new Map<string, string>();
  for (let i = propsAt + 1; i < lines.length && lines[i] !== `${indent}}`; i++) {
    const m = /^\s+'?([A-Za-z_][A-Za-z0-9_]*)'?:\s*(.+)$/.exec(lines[i]!);
    if (m) settings.set(m[1]!, m[2]!.trim());
  }
  return settings;
}

const READS = [
  /\(\s*env\s*,\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g, // str(env, 'NAME'), int(env, 'NAME', ...)
  /\benv\.([A-Za-z_][A-Za-z0-9_]*)/g, // process.env.NAME, env.NAME
  /\benv\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]/g, // process.env['NAME']
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Variable -> files under src/ that read it (dev-only entry points left out). */
export function sourceReads(root: string, devOnly: readonly string[]): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const file of tsFiles(join(root, 'src'))) {
    const rel = relative(root, file).split('\\').join('/');
    if (devOnly.includes(rel)) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of READS) {
      for (const m of text.matchAll(pattern)) reads.set(m[1]!, [...new Set([...(reads.get(m[1]!) ?? []), rel])]);
    }
  }
  return reads;
}

export interface Inputs {
  readme: string[];
  settings: Map<string, string>;
  reads: Map<string, string[]>;
}

export function settingProblems({ readme, settings, reads }: Inputs): string[] {
  const problems: string[] = [];
  for (const name of readme) {
    if (!settings.has(name))
      problems.push(
        `${name} is in docs/configuration.md's table but not an app setting in deployment/azure/main.bicep (add "${name}: ..." to the appsettings resource)`,
      );
  }
  for (const name of settings.keys()) {
    if (!reads.has(name) && !(name in PLATFORM_SETTINGS)) {
      problems.push(
        `${name} is set in deployment/azure/main.bicep but nothing in src/ reads it (remove it, or list it in PLATFORM_SETTINGS with the reason)`,
      );
    }
  }
  for (const [name, files] of reads) {
    if (!readme.includes(name)) problems.push(`${name} is read by ${files.join(', ')} but has no row in docs/configuration.md's table`);
  }
  for (const [name, value] of settings) {
    if (SECRET_NAME.test(name) && !NOT_SECRET.has(name) && !/^'\$\{keyVaultRef\}|^'@Microsoft\.KeyVault\(/.test(value)) {
      problems.push(`${name} in deployment/azure/main.bicep is a secret but not a Key Vault reference`);
    }
  }
  return problems;
}
