// `node scripts/parallel.mjs a b`: runs the npm scripts a and b at the same time (`npm test` runs
// eslint beside the other checks, each using one core). Each script's output is held and printed
// whole when it ends, so logs do not interleave; exits 1 when any failed.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/parallel.mjs <npm script> [<npm script> ...]');
  process.exit(2);
}

function run(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (err) => output.push(Buffer.from(`${err.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n> npm run ${script}\n${Buffer.concat(output).toString('utf8')}`);
      process.stdout.write(`[parallel] ${script} ${verdict} in ${seconds} s\n`);
      resolve(code === 0);
    });
  });
}

// Ctrl-C or CI's cancel reaches the children through the process group; nothing to forward.
const results = await Promise.all(scripts.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
