/**
 * Issue 22: `npm ci` builds nothing native for the runtime. The lock file marks every package
 * with an install script; a runtime one is allowed only when its script is not a build (checked
 * by name and by the absence of binding.gyp), and restify's optional DTrace binding is replaced.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; hasInstallScript?: boolean; name?: string }>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { overrides?: Record<string, string> };

describe('runtime dependencies build nothing native', () => {
  const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev);

  it('has no runtime package with binding.gyp, and install scripts only where they only print', () => {
    const scripted = runtime.filter(([, entry]) => entry.hasInstallScript).map(([path]) => path);
    // protobufjs's postinstall is a version notice (declined in allowScripts), not a build.
    expect(scripted).toEqual(['node_modules/protobufjs']);
    const gyp = runtime.filter(([path]) => existsSync(join(root, path, 'binding.gyp'))).map(([path]) => path);
    expect(gyp).toEqual([]);
  });

  it("replaces restify's optional dtrace-provider (node-gyp) with an empty package", () => {
    expect(pkg.overrides?.['dtrace-provider']).toMatch(/^npm:@favware\/skip-dependency@/);
    expect(lock.packages['node_modules/dtrace-provider']?.name).toBe('@favware/skip-dependency');
  });
});
