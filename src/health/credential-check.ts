import type { Logger } from '../log/logger';
import { credentialFix } from './credential-fix';
import { shortReason, type Dependency, type HealthState } from './health-state';

/** One token to ask for at start: which dependency it proves, and how to get it. */
export interface TokenCheck {
  dependency: Extract<Dependency, 'mmd-token' | 'graph-token'>;
  /** What the token is for, in the log line ("the MMD API"). */
  name: string;
  getToken: (signal: AbortSignal) => Promise<string>;
}

/**
 * Start-up check of the app's credentials: one token request per API, each with a timeout.
 * A failure marks the dependency in `health` and is logged once, with the fix; the same cause
 * for several APIs (one app registration) is one line. The process starts either way.
 */
export async function checkCredentials(options: {
  checks: TokenCheck[];
  health: HealthState;
  logger: Logger;
  timeoutMs: number;
}): Promise<void> {
  const failures = await Promise.all(
    options.checks.map(async (check) => {
      try {
        await check.getToken(AbortSignal.timeout(options.timeoutMs));
        options.health.recover(check.dependency);
        return undefined;
      } catch (err) {
        const reason = shortReason(err);
        options.health.fail(check.dependency, `${credentialFix(reason)}: ${reason}`);
        return { check, reason };
      }
    }),
  );
  const byFix = new Map<string, { names: string[]; reason: string }>();
  for (const failure of failures) {
    if (!failure) continue;
    const fix = credentialFix(failure.reason);
    const entry = byFix.get(fix) ?? { names: [], reason: failure.reason };
    entry.names.push(failure.check.name);
    byFix.set(fix, entry);
  }
  for (const [fix, { names, reason }] of byFix) {
    options.logger.error(
      { failed: names },
      `${fix}: ${reason} (no token for ${names.join(' or ')}; the bot keeps running and tells users to contact you)`,
    );
  }
}
