import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The checkout's root: the first folder above this file holding manifest/manifest.json. The
 * scripts run from their sources (tests) and from dist/scripts (npm run package), at different
 * depths.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'manifest', 'manifest.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no manifest/manifest.json above ${from}`);
    dir = parent;
  }
}
