import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEFAULT_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium';

// The flags checked on this machine: headless, no sandbox (root in a container), nothing that
// phones home (QUIC, background networking, component updates, sync).
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where Chromium is. `CHROMIUM_PATH`, when set, is the only place looked at (so
 * `CHROMIUM_PATH=/nonexistent` simulates a machine without a browser); otherwise the Debian paths.
 */
function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) return existsSync(configured) ? configured : undefined;
  return DEFAULT_PATHS.find((path) => existsSync(path));
}

/** Headless Chromium through playwright-core; throws when there is none (use `describeE2e`). */
export async function launchBrowser(executablePath = findChromium()): Promise<Browser> {
  if (!executablePath) throw new Error(`Chromium not found; install it with: ${CHROMIUM_INSTALL_HINT}`);
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}

type ChromiumPolicy = { run: true; path: string } | { run: false; fail: boolean; message: string };

/**
 * What e2e tests do on this machine: run when Chromium is there; otherwise skip loudly, except
 * in CI (`CI=true`), where a missing browser is a failure rather than a silently green run.
 */
function chromiumPolicy(env: NodeJS.ProcessEnv = process.env): ChromiumPolicy {
  const path = findChromium(env);
  if (path) return { run: true, path };
  const where = env.CHROMIUM_PATH?.trim() ? `CHROMIUM_PATH=${env.CHROMIUM_PATH.trim()}` : DEFAULT_PATHS.join(' or ');
  const message = `Chromium not found (looked at ${where}). The end-to-end tests need it: ${CHROMIUM_INSTALL_HINT}`;
  return { run: false, fail: env.CI === 'true', message };
}

/**
 * `describe` for browser tests. Without Chromium: in CI one failing test names the install
 * command; elsewhere the block is skipped with a banner on stderr nobody can miss.
 */
export function describeE2e(name: string, body: (chromiumPath: string) => void): void {
  const policy = chromiumPolicy();
  if (policy.run) {
    describe(name, () => body(policy.path));
    return;
  }
  if (policy.fail) {
    describe(name, () => {
      test('Chromium is installed (required when CI=true)', () => {
        throw new Error(policy.message);
      });
    });
    return;
  }
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n!! SKIPPING end-to-end tests "${name}"\n!! ${policy.message}\n${bar}\n\n`);
  describe.skip(name, () => body(''));
}
