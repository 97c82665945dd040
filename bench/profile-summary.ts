/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [top]`: where a bot's CPU went, from a
 * V8 profile (BENCH_CPU_PROF=<dir> npm run bench). Self time by function and by package;
 * with a third argument, a regular expression over function names, the inclusive time under the
 * outermost frames that match (e.g. 'createConnectorClient|UserTokenClientImpl').
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function owner(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (!url) return '(native/gc/idle)';
  if (url.startsWith('node:')) return 'node core';
  const ours = /\/dist\/(src\/[^/]+|bench)\//.exec(url);
  return ours ? ours[1]! : url;
}

function main(): void {
  const [file, topArg, inclusive] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue;
    total += us;
    const key = `${name} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const o = name === '(garbage collector)' ? '(garbage collector)' : owner(node.callFrame.url);
    pkg.set(o, (pkg.get(o) ?? 0) + us);
  }
  const top = Number(topArg ?? 25);
  const show = (title: string, m: Map<string, number>) => {
    console.log(`\n${title} (of ${Math.round(total / 1000)} ms busy)`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${((us * 100) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  show('self time by package', pkg);
  show('self time by function', fn);
  if (inclusive) {
    const pattern = new RegExp(inclusive);
    const under = (id: number): number => {
      const node = byId.get(id)!;
      return (self.get(id) ?? 0) + (node.children ?? []).reduce((a, c) => a + under(c), 0);
    };
    const matched = new Map<string, number>();
    const walk = (id: number): void => {
      const node = byId.get(id)!;
      if (pattern.test(node.callFrame.functionName)) {
        matched.set(node.callFrame.functionName, (matched.get(node.callFrame.functionName) ?? 0) + under(id));
        return;
      }
      for (const c of node.children ?? []) walk(c);
    };
    walk(profile.nodes[0]!.id);
    show(`inclusive time under /${inclusive}/`, matched);
  }
}

main();
