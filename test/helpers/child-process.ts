import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { buildSync } from 'esbuild';

/**
 * Tests that run the bot (or a part of it) as a real process: the entry bundled once into a
 * fresh work folder (dependencies stay external, so node_modules is used as in production).
 */
export function bundleForChild(entry: string, workDir: string, outfile: string): void {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
}

/** SIGKILL, as a crash would, and wait until the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
