/**
 * The app started as a process, the way `npm start` runs it (src/index.ts, bundled here with
 * esbuild so the test needs no prior build): a sandbox start writes nothing to stderr (no
 * DEP0111 or other deprecation warning), and every configuration problem, including
 * PLAYGROUND_PORT and MicrosoftAppType's, is one line on stderr and exit code 2.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { bundleForChild } from '../helpers/child-process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// Three levels under the root, so the bundle finds cards/ and package.json as dist/src would.
const WORK = join(ROOT, 'test-artifacts', 'start-process', `run-${process.pid}`);
const BUNDLE = join(WORK, 'index.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundle until it exits, or until stdout says it listens (then SIGTERM). */
function run(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], {
      cwd: WORK, // no .env here
      // NODE_OPTIONS emptied: a --no-deprecation from the caller would hide what this test looks for.
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (/MMD Assist listening/.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  bundleForChild(join(ROOT, 'src', 'index.ts'), WORK, BUNDLE);
}, 60_000);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('the started process', () => {
  it('starts in sandbox mode with nothing on stderr: no DEP0111, no deprecation warning', async () => {
    const result = await run({});
    expect(result.stdout).toMatch(/MMD Assist listening on port \d+ \(sandbox mode\)/);
    expect(result.stderr).not.toMatch(/DEP0111|DeprecationWarning/);
    expect(result.stderr).toBe('');
  }, 30_000);

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PLAYGROUND_PORT: 'abc' }, 'PLAYGROUND_PORT'],
    [{ MicrosoftAppType: 'Federated' }, 'MicrosoftAppType'],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'bot-id', MicrosoftAppPassword: 'very-secret-value' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'bot-id', MicrosoftAppTenantId: 'tenant' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant' }, 'MicrosoftAppId'],
    [
      {
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppId: 'bot-id',
        MicrosoftAppTenantId: 'tenant',
        MicrosoftAppPassword: 'very-secret-value',
      },
      'MicrosoftAppPassword',
    ],
  ])(
    '%j is one configuration error line naming %s, exit code 2',
    async (env, variable) => {
      const result = await run(env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^Configuration error: ${variable} [^\\n]+\\n$`));
      expect(result.stderr).not.toContain('very-secret-value');
      expect(result.stdout).toBe('');
    },
    30_000,
  );
});
