// Bundles the personal tab (tab/) into dist/tab, and its sandbox-only development host into
// dist/tab-dev (served only in sandbox mode). esbuild: one small dependency, no framework.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'tab');
const devOut = join(root, 'dist', 'tab-dev');
const common = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'linked',
};

await rm(out, { recursive: true, force: true });
await rm(devOut, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await mkdir(devOut, { recursive: true });
await build({ ...common, entryPoints: [join(root, 'tab', 'src', 'main.ts')], outfile: join(out, 'main.js') });
await build({ ...common, entryPoints: [join(root, 'tab', 'dev', 'host.ts')], outfile: join(devOut, 'host.js') });
await copyFile(join(root, 'tab', 'index.html'), join(out, 'index.html'));
await copyFile(join(root, 'tab', 'styles.css'), join(out, 'styles.css'));
await copyFile(join(root, 'tab', 'dev', 'host.html'), join(devOut, 'host.html'));
await copyFile(join(root, 'tab', 'dev', 'host.css'), join(devOut, 'host.css'));
console.log(`tab built into ${out}`);
