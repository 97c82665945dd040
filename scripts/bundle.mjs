// `npm run bundle` (after `npm run build`): writes build/app.zip, what App Service runs with
// `npm start`: bin/, the built code (dist/src and the tab), cards/, pages/, package.json and
// the lock file, and the production dependencies only, without what Node never loads. They are
// copied from this node_modules (every package-lock entry not marked dev): no registry is
// asked. Nothing in them is native (SQLite is Node's own node:sqlite): the zip runs on any Node 24.
import { existsSync, readFileSync, readdirSync, lstatSync, mkdirSync, createWriteStream, copyFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--dir <folder>`: the same files laid out in a folder instead (the Agents Toolkit's zip deploy
// takes a folder: m365agents.yml).
const dirAt = process.argv.indexOf('--dir');
const dir = dirAt > 0 ? resolve(process.argv[dirAt + 1] ?? 'build/app') : undefined;
const out = !dir && process.argv[2] ? join(process.cwd(), process.argv[2]) : join(root, 'build', 'app.zip');

/** Folders and files of the app itself (dist/scripts is development tooling, left out). */
const APP = [
  'bin',
  'cards',
  'pages',
  join('dist', 'src'),
  join('dist', 'tab'),
  join('dist', 'tab-dev'),
  'package.json',
  'package-lock.json',
];

if (!existsSync(join(root, 'dist', 'src', 'index.js'))) {
  console.error('dist/src/index.js is missing: run `npm run build` first (`npm run bundle` does both).');
  process.exit(1);
}

/** node_modules/... paths of the packages production needs, from the lock file. */
function productionPackages() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.link)
    .map(([path]) => path)
    .filter((path) => existsSync(join(root, path))); // optional packages for other platforms are not installed
}

/**
 * What a dependency carries that Node never loads: type declarations, TypeScript sources (Node
 * does not strip types under node_modules), source maps and markdown. About three files in five
 * of the production packages; licences and everything else stay.
 */
const UNUSED_IN_DEPENDENCIES = /\.(d\.[cm]?ts|[cm]?ts|map|md|markdown)$/i;

/** Every file under `path` (relative to root); symlinks (node_modules/.bin) left out. */
function* files(path, dependency = false) {
  const stat = lstatSync(join(root, path));
  if (stat.isSymbolicLink()) return;
  if (stat.isFile()) {
    if (!(dependency && UNUSED_IN_DEPENDENCIES.test(path))) yield { path, mode: stat.mode };
    return;
  }
  for (const entry of readdirSync(join(root, path))) {
    // A nested node_modules belongs to its own lock entry (which may be dev-only).
    if (entry === 'node_modules') continue;
    yield* files(join(path, entry), dependency);
  }
}

const zip = new yazl.ZipFile();
let count = 0;
if (dir) rmSync(dir, { recursive: true, force: true });
const add = (path, dependency = false) => {
  for (const file of files(path, dependency)) {
    if (dir) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      copyFileSync(join(root, file.path), join(dir, file.path));
    } else {
      zip.addFile(join(root, file.path), relative('.', file.path).split('\\').join('/'), { mode: file.mode });
    }
    count += 1;
  }
};
for (const path of APP) if (existsSync(join(root, path))) add(path);
const packages = productionPackages();
for (const path of packages) add(path, true);

if (dir) {
  console.log(`${relative(process.cwd(), dir) || dir}/: ${count} files, ${packages.length} production packages`);
  process.exit(0);
}
mkdirSync(dirname(out), { recursive: true });
await new Promise((resolve, reject) => {
  zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
  zip.end();
});
console.log(`${relative(process.cwd(), out) || out}: ${count} files, ${packages.length} production packages`);
