/**
 * The deployment zip as App Service runs it: `npm run bundle` writes build/app.zip, which is
 * unzipped into an empty folder (nothing of the repository around it) and started with
 * `npm start` in live mode against the emulator (here, on loopback); a chat message over the
 * real /api/messages gets its reply at the (fake) Bot Connector.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { crc32, inflateRawSync } from 'node:zlib';
import { fromBuffer, type Entry } from 'yauzl';
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { FakeConnector } from '../helpers/fake-connector';
import { answerText } from '../helpers/bot-harness';
import { emulatorEnv } from '../helpers/emulator-env';

const ROOT = join(__dirname, '..', '..');
const ZIP = join(ROOT, 'build', 'app.zip');
// Outside the repository: the unzipped app must not find the repository's node_modules. In
// memory where Linux offers it: creating the dependencies' many files on disk is slow.
const WORK = join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), `mmd-bundle-${process.pid}`);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Unzips `file` into `into` and returns the entry names. yauzl reads the central directory;
 * each entry is inflated in one call, checked (size, CRC) and written whole, which is far
 * cheaper than a stream per entry.
 */
function unzip(file: string, into: string): Promise<string[]> {
  const zipped = readFileSync(file);
  return new Promise((resolve, reject) => {
    fromBuffer(zipped, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const names: string[] = [];
      const folders = new Set<string>();
      zip.on('error', reject);
      zip.on('end', () => resolve(names));
      zip.on('entry', (entry: Entry) => {
        names.push(entry.fileName);
        const target = join(into, entry.fileName);
        if (!target.startsWith(into)) return reject(new Error(`entry outside the folder: ${entry.fileName}`));
        const folder = dirname(target);
        if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
        folders.add(folder);
        // The local header: 30 bytes, then the name and the extra field, then the data.
        const at = entry.relativeOffsetOfLocalHeader;
        const data = at + 30 + zipped.readUInt16LE(at + 26) + zipped.readUInt16LE(at + 28);
        const raw = zipped.subarray(data, data + entry.compressedSize);
        const content = entry.compressionMethod === 8 ? inflateRawSync(raw) : raw;
        if (content.length !== entry.uncompressedSize || crc32(content) !== entry.crc32) {
          return reject(new Error(`damaged entry: ${entry.fileName}`));
        }
        writeFileSync(target, content);
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}

describe('build/app.zip', () => {
  let emulator: RunningEmulator;
  const connector = new FakeConnector();
  let child: ChildProcess | undefined;
  let names: string[] = [];

  beforeAll(async () => {
    await new Promise<void>((resolve, reject) =>
      execFile(NPM, ['run', 'bundle'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (err, _out, stderr) =>
        err ? reject(new Error(`npm run bundle: ${stderr}`)) : resolve(),
      ),
    );
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    names = await unzip(ZIP, WORK);
    emulator = await startEmulator({});
    await connector.start();
  }, 300_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    }
    await connector.stop();
    await emulator?.close();
    rmSync(WORK, { recursive: true, force: true });
  });

  it('holds what `npm start` needs and production dependencies only', () => {
    for (const name of [
      'bin/start.mjs',
      'dist/src/index.js',
      'package.json',
      'cards/welcome.json',
      'pages/privacy.html',
      'pages/terms.html',
    ]) {
      expect(names).toContain(name);
    }
    expect(existsSync(join(WORK, 'node_modules', 'botbuilder', 'package.json'))).toBe(true);
    for (const dev of [
      'better-sqlite3',
      'typescript',
      'jest',
      'esbuild',
      'azurite',
      'playwright-core',
      '@microsoft/m365agentsplayground',
    ]) {
      expect(existsSync(join(WORK, 'node_modules', dev))).toBe(false);
    }
    expect(names.some((n) => n.startsWith('src/') || n.startsWith('test/') || n.startsWith('dist/scripts/'))).toBe(false);
    // What Node never loads stays out of the dependencies (the app still starts: next test).
    const unused = names.filter((n) => n.startsWith('node_modules/') && /\.(d\.ts|ts|map|md)$/.test(n));
    expect(unused).toEqual([]);
    expect(names.filter((n) => n.startsWith('node_modules/') && /\/LICEN[CS]E/i.test(n)).length).toBeGreaterThan(100);
  });

  it('starts with `npm start` in live mode and answers a chat message over /api/messages', async () => {
    const started = spawn(NPM, ['start'], {
      cwd: WORK,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        LOG_LEVEL: 'info',
        STORAGE: 'sqlite:./data/bot.sqlite',
        ALLOW_UNAUTHENTICATED: 'true',
        ...emulatorEnv(emulator),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: `npm start` runs node as a child, and both must go at the end.
      detached: true,
    });
    child = started;
    let stdout = '';
    let stderr = '';
    started.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      started.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /MMD Assist listening on port (\d+)/.exec(stdout);
        if (m) resolve(Number(m[1]));
      });
      started.on('exit', (code) => reject(new Error(`npm start exited (${code}): ${stderr.slice(0, 1000)}${stdout.slice(0, 1000)}`)));
    });
    expect(stdout).toMatch(/"mode":"live"/);

    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string; mode: string };
    expect(health).toMatchObject({ status: 'ok', mode: 'live' });

    // The privacy and terms pages the manifest links to, from pages/ in the zip.
    for (const page of ['privacy', 'terms']) {
      const answer = await fetch(`http://127.0.0.1:${port}/${page}`);
      expect([page, answer.status, answer.headers.get('content-type')]).toEqual([page, 200, 'text/html; charset=utf-8']);
      expect(await answer.text()).toMatch(/<h1>MMD Assist: (privacy statement|terms of use)<\/h1>/);
    }

    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'help',
        channelId: 'msteams',
        serviceUrl: connector.url,
        id: 'act-1',
        from: { id: 'user-1', name: 'Adele Vance', aadObjectId: 'aad-user-1' },
        recipient: { id: 'bot-1', name: 'MMD Assist' },
        conversation: { id: 'personal-conv-1', conversationType: 'personal', tenantId: emulator.tenantId },
        channelData: { tenant: { id: emulator.tenantId } },
      }),
    });
    expect(res.status).toBe(200);
    const replies = connector.sent('personal-conv-1');
    expect(replies.length).toBeGreaterThan(0);
    expect(answerText(replies[0])).toMatch(/MMD Assist/);
    expect(stderr).toBe('');
  }, 60_000);
});
