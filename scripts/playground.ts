import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botUrl: string;
  /** 0 (the default) lets the Playground pick a free port; it reports the one it took. */
  port?: number;
  /** How long to wait for "Listening on" and `/_debug/ping`. */
  timeoutMs?: number;
}

export interface RunningPlayground {
  /** http://localhost:<port>, the page to open. */
  url: string;
  port: number;
  /** Everything the Playground printed plus its log file, for failure messages. */
  output(): string;
  /** Settles when the process ends, for whatever reason (its exit code, null when killed). */
  exited: Promise<number | null>;
  /** Kill the process (TERM, then KILL), remove its scratch directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** The Playground CLI shipped in the devDependency; resolved, so any cwd works. */
export function playgroundCliPath(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

// The child runs in its own process group, so a Ctrl-C in the terminal reaches only us and we
// stop it in order; and it exits when its stdin pipe closes, i.e. when this process dies for
// any reason (SIGKILL, a crashed jest worker), so no Playground outlives its parent; it then
// removes its scratch directory (its cwd) itself.
const EXIT_WITH_PARENT = [
  "const bye = () => { try { require('fs').rmSync(process.cwd(), { recursive: true, force: true }); } finally { process.exit(0); } };",
  "process.stdin.on('end', bye).on('error', bye).resume();",
  'require(process.argv[1]);',
].join('');

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

/** Signals the child's whole process group (it is a group leader: `detached`). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts the Microsoft 365 Agents Playground (a Teams look-alike web client) pointed at a
 * bot, in a scratch working directory (it writes `devTools/` and reads a `.yml` config from
 * its cwd), with telemetry and browser launch off. Resolves once `/_debug/ping` answers.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const workDir = mkdtempSync(join(tmpdir(), 'mmd-playground-'));
  const logFile = join(workDir, 'playground.log');
  const args = [playgroundCliPath(), '-e', options.botUrl, '-c', 'msteams', '-p', String(options.port ?? 0), '--disable-telemetry'];
  const child = spawn(process.execPath, ['-e', EXIT_WITH_PARENT, ...args], {
    cwd: workDir,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      // Without it the telemetry SDK still phones home for "statsbeat", which hangs offline.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
  });
  running.add(child);

  let printed = '';
  const collect = (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('exit', () => running.delete(child));

  const output = () => {
    let log = '';
    try {
      log = readFileSync(logFile, 'utf8');
    } catch {
      // Not written yet.
    }
    return `--- playground stdout/stderr ---\n${printed}\n--- playground log ---\n${log}`;
  };

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child, 'SIGTERM');
        const killed = setTimeout(() => killGroup(child, 'SIGKILL'), 3_000);
        await exited;
        clearTimeout(killed);
      }
      child.stdin?.destroy();
      rmSync(workDir, { recursive: true, force: true });
    })());

  try {
    const port = await waitForPort(() => printed, exited, timeoutMs);
    await waitForPing(port, exited, timeoutMs);
    return { url: `http://localhost:${port}`, port, output, exited, stop };
  } catch (err) {
    const detail = output();
    await stop();
    throw new Error(`${(err as Error).message}\n${detail}`);
  }
}

// The Playground silently moves to a random port when the one asked for is taken, so the
// port it prints is the truth, not the one passed.
async function waitForPort(printed: () => string, exited: Promise<unknown>, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    const match = /Listening on (\d+)/.exec(printed());
    if (match) return Number(match[1]);
    if (hasExited) throw new Error('The Playground exited before it listened');
    await delay(50);
  }
  throw new Error(`The Playground did not report a port within ${timeoutMs} ms`);
}

async function waitForPing(port: number, exited: Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    if (hasExited) throw new Error('The Playground exited before it answered /_debug/ping');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_debug/ping`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok && (await res.text()).trim() === 'pong') return;
    } catch {
      // Not up yet.
    }
    await delay(100);
  }
  throw new Error(`The Playground on port ${port} did not answer /_debug/ping within ${timeoutMs} ms`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
