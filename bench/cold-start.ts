import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { get } from 'node:http';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

/** ms from spawning `node script` to its first /healthz 200, pinned to `cpu` when taskset exists. */
export async function coldStartMs(script: string, env: Record<string, string>, cpu: number | null): Promise<number> {
  const port = await freePort();
  const taskset = cpu !== null && existsSync('/usr/bin/taskset');
  const [cmd, args] = taskset ? ['/usr/bin/taskset', ['-c', String(cpu), process.execPath, script]] : [process.execPath, [script]];
  const start = performance.now();
  const child = spawn(cmd, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
      if (await healthy(port)) return performance.now() - start;
      if (performance.now() - start > 30_000) throw new Error(`${script} not healthy within 30 s`);
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
  }
}
