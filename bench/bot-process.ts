import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChildMessage, MemoryFigures } from './ipc-hooks';

/** A bot under test in its own process, pinned to `cpu` when taskset exists. */
export interface BotProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:PORT/api/messages */
  url: string;
  memory(): Promise<MemoryFigures>;
  stop(): Promise<void>;
}

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));

/** Pins a process (and its threads) to one CPU; false when taskset is missing or the CPU does not exist. */
export function pin(pid: number, cpu: number): boolean {
  if (!TASKSET) return false;
  try {
    execFileSync(TASKSET, ['-a', '-cp', String(cpu), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Starts `script` (a compiled bench entry) with --expose-gc and waits for its 'ready' message. */
export async function startBot(name: string, script: string, env: Record<string, string>, cpu: number | null): Promise<BotProcess> {
  const child: ChildProcess = fork(resolve(__dirname, script), [], {
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each bot, written when it exits (see bench/profile-summary.ts).
    execArgv: ['--expose-gc', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    child.on('message', (m: ChildMessage) => {
      if (m.kind === 'ready') {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
  });
  if (cpu !== null) pin(child.pid!, cpu);
  let nextId = 1;
  return {
    name,
    pid: child.pid!,
    url: `http://127.0.0.1:${port}/api/messages`,
    memory: () =>
      new Promise<MemoryFigures>((resolve) => {
        const id = nextId++;
        const onMessage = (m: ChildMessage) => {
          if (m.kind === 'memory' && m.id === id) {
            child.off('message', onMessage);
            resolve(m.memory);
          }
        };
        child.on('message', onMessage);
        child.send({ kind: 'memory', id });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // Disconnecting lets the bot exit by itself (and write its CPU profile); kill it if it lingers.
        if (child.connected) child.disconnect();
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
