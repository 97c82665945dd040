// No import cycle in src/, type-only imports included: eslint's import-x/no-cycle skips
// `import type`, and a type-only cycle still ties two modules together. Part of `npm run lint`.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..', 'src');
const files = fs
  .readdirSync(root, { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(root, f));

function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const graph = new Map();
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  graph.set(file, [...new Set(importedFiles.map((i) => resolve(file, i.fileName)).filter(Boolean))]);
}

// Tarjan's strongly connected components: any component of more than one file is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(v) {
  state.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!state.has(w)) {
      visit(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).onStack) {
      state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
    }
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(path.relative(path.dirname(root), w));
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  }
}
for (const file of files) if (!state.has(file)) visit(file);

if (cycles.length > 0) {
  for (const c of cycles) console.error(`import cycle (type-only imports count): ${c.join(' <-> ')}`);
  process.exit(1);
}
console.log(`no-cycle: ${files.length} files in src/, no import cycle`);
