import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Azurite's published development account (public, documented; not a secret). */
const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

const MAIN = join(__dirname, '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
const READY = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;
const running = new Set<ChildProcess>();

function kill(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Azurite's blob server is one process with no children (checked on 3.35), so ending it ends
  // the tree. It is not detached: a Ctrl-C on the test run reaches it through the process group.
  child.kill('SIGKILL');
}

// A crashed or interrupted test run must not leave an emulator behind.
process.once('exit', () => running.forEach(kill));

/**
 * Starts the Azure Blob emulator on a free loopback port with a fresh data directory. Even
 * with --silent Azurite prints its listen line, which carries the port it was given.
 */
export function startAzurite(timeoutMs = 20_000): Promise<Azurite> {
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  const child = spawn(
    process.execPath,
    [MAIN, '--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location, '--silent', '--disableTelemetry', '--skipApiVersionCheck'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    kill(child);
    await exited;
    running.delete(child);
    rmSync(location, { recursive: true, force: true });
  };

  return new Promise<Azurite>((resolve, reject) => {
    let output = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`Azurite did not start: ${why}\n${output.slice(-2000)}`)));
    };
    const timer = setTimeout(() => fail(`no listen line within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code) => fail(`exited with ${code}`));
    // Keep draining both pipes for the emulator's whole life, or a full pipe would stall it.
    const collect = (chunk: Buffer) => {
      if (!settled) output += chunk.toString();
      const match = settled ? null : READY.exec(output);
      if (!match) return;
      settled = true;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        port,
        connectionString:
          `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
          `BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`,
        stop,
      });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
  });
}
