/**
 * `npm run package`: manifest/manifest.json filled from configuration, checked against the
 * official schema and Teams' own rules, zipped with the two icons into build/appPackage.zip.
 * Any problem: no zip (a stale one is removed, so it cannot be uploaded by mistake).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { offeredCommands } from './bot-commands';
import { fillTemplate, TemplateError, type Json } from './fill-template';
import { iconProblems } from './icon-rules';
import { DEVELOPMENT_VARIABLES, readPackageConfig } from './package-config';
import { repoRoot } from './repo-root';
import { schemaProblems } from './schema-check';
import { teamsRuleProblems } from './teams-rules';
import { writeZip } from './write-zip';

export interface PackageOptions {
  env: Record<string, string | undefined>;
  /** The checkout; default: found from this file. */
  root?: string;
  /** Default: <root>/build/appPackage.zip. */
  outFile?: string;
  /** Default: <root>/manifest/manifest.json. */
  templateFile?: string;
  /** One line of progress or notice; default console.log. */
  log?: (line: string) => void;
}

export interface PackageResult {
  ok: boolean;
  outFile: string;
  manifest?: Json;
  /** Why the zip was not written, one line each. */
  problems: string[];
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function packageVersion(root: string): string {
  const pkg = readJson(join(root, 'package.json'));
  return pkg !== null && typeof pkg === 'object' && !Array.isArray(pkg) && typeof pkg.version === 'string' ? pkg.version : '';
}

export async function buildAppPackage(options: PackageOptions): Promise<PackageResult> {
  const root = options.root ?? repoRoot();
  const outFile = options.outFile ?? join(root, 'build', 'appPackage.zip');
  const log = options.log ?? ((line: string) => console.log(line));
  const refuse = (problems: string[], manifest?: Json): PackageResult => {
    if (existsSync(outFile)) rmSync(outFile);
    return { ok: false, outFile, manifest, problems };
  };

  const config = readPackageConfig(options.env, packageVersion(root));
  if (config.development) {
    log(
      `Development package (${DEVELOPMENT_VARIABLES.filter((v) => config.defaulted.includes(v)).join(', ')} not set): app id ${config.values.TEAMS_APP_ID}, bot id ${config.values.BOT_ID}, ` +
        `domain ${config.values.BOT_DOMAIN}: for local use only. Set TEAMS_APP_ID, MicrosoftAppId and BOT_DOMAIN for a package to install in Teams.`,
    );
  } else if (config.defaulted.length > 0) {
    log(`Defaults used for ${config.defaulted.join(', ')} (see docs/configuration.md, "The Teams app package").`);
  }
  const offered = offeredCommands();
  if (offered.skipped.length > 0)
    log(`Not in the command menu (the bot does not handle them without an argument): ${offered.skipped.join(', ')}`);

  let manifest: Json;
  try {
    manifest = fillTemplate(readJson(options.templateFile ?? join(root, 'manifest', 'manifest.json')), {
      ...config.values,
      BOT_COMMANDS: offered.commands.map((c) => ({ title: c.title, description: c.description })),
    });
  } catch (err) {
    if (err instanceof TemplateError || err instanceof SyntaxError) return refuse([`manifest template: ${err.message}`]);
    throw err;
  }
  const color = readFileSync(join(root, 'manifest', 'color.png'));
  const outline = readFileSync(join(root, 'manifest', 'outline.png'));
  const problems = [...(await schemaProblems(manifest)), ...teamsRuleProblems(manifest), ...iconProblems(color, outline)];
  if (problems.length > 0) return refuse(problems, manifest);

  await writeZip(outFile, [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: color },
    { name: 'outline.png', data: outline },
  ]);
  log(`Wrote ${outFile} (Teams app ${config.values.TEAMS_APP_ID}, version ${config.values.APP_VERSION}, bot ${config.values.BOT_ID})`);
  return { ok: true, outFile, manifest, problems: [] };
}
