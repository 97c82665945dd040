/**
 * The official Teams manifest schema check, offline. `@microsoft/app-manifest` ships the
 * schemas; we load the one the manifest's `$schema` names from the package ourselves and pass it
 * in, so validateAgainstSchema never falls back to fetching the URL (no network here, nor in CI).
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import type { Json } from './fill-template';

type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const TEAMS_SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

/** The shipped schema file for a `$schema` URL, or undefined when the package has none. */
function shippedSchemaPath(schemaUrl: string): string | undefined {
  const version = TEAMS_SCHEMA_URL.exec(schemaUrl)?.[1];
  if (version === undefined) return undefined;
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(root, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
  return existsSync(file) ? file : undefined;
}

function loadSchema(file: string): Schema {
  // The package cleans the same two escapes JSON.parse rejects before parsing its schemas.
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text) as Schema;
}

/** Problems the official schema finds, one line each; empty when the manifest passes. */
export async function schemaProblems(manifest: Json): Promise<string[]> {
  const schemaUrl = manifest !== null && typeof manifest === 'object' && !Array.isArray(manifest) ? manifest.$schema : undefined;
  if (typeof schemaUrl !== 'string') return ['$schema is missing: the manifest must name its Teams schema version'];
  const file = shippedSchemaPath(schemaUrl);
  if (file === undefined) return [`$schema ${schemaUrl} is not a Teams schema shipped by @microsoft/app-manifest: cannot validate offline`];
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as Manifest, loadSchema(file));
  return errors.map((e) => `schema: ${e.trim()}`);
}
