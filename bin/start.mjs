// `npm start`: the built entry, or one line saying how to build it (instead of a MODULE_NOT_FOUND stack).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('MMD Assist is not built yet (dist/src/index.js is missing): run `npm run build` first, then `npm start`.');
  process.exit(1);
}
await import(entry.href);
