/**
 * Test helper: the official schema check as a test runs it, independent of the packager's own
 * wrapper: the bundled schema file loaded here, and any network use during validation recorded
 * (the global fetch is replaced while it runs) so a test can prove it stayed offline.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const SCHEMAS_DIR = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** The newest released schema version the package ships, e.g. "1.30" (vDevPreview is no release). */
export function newestShippedVersion(): string {
  const versions = readdirSync(SCHEMAS_DIR)
    .filter((v) => /^v\d+\.\d+$/.test(v))
    .map((v) => v.slice(1).split('.').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions[versions.length - 1]!;
  return `${newest[0]}.${newest[1]}`;
}

export async function validateOffline(manifest: unknown, version: string): Promise<{ errors: string[]; fetched: string[] }> {
  const text = readFileSync(join(SCHEMAS_DIR, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8');
  const schema = JSON.parse(text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Schema;
  const { value, fetched } = await withFetchRecorded(() => AppManifestUtils.validateAgainstSchema(manifest as Manifest, schema));
  return { errors: value, fetched };
}

/** Runs `fn` with a global fetch that refuses and records every URL asked for. */
export async function withFetchRecorded<T>(fn: () => Promise<T>): Promise<{ value: T; fetched: string[] }> {
  const original = globalThis.fetch;
  const fetched: string[] = [];
  globalThis.fetch = (input: string | URL | Request) => {
    fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return Promise.reject(new Error('no network in tests'));
  };
  try {
    return { value: await fn(), fetched };
  } finally {
    globalThis.fetch = original;
  }
}
