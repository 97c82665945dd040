import type { Logger } from '../log/logger';
import { credentialFix } from './credential-fix';
import { shortReason, type Dependency, type HealthState } from './health-state';

interface Provider<O> {
  getToken(options?: O): Promise<string>;
}

/**
 * A token provider that keeps /healthz current after start: a permanent failure (a secret
 * that expired while running) marks the dependency failed and is logged once; the next token
 * clears it. A timeout or network error (retryable) leaves the state as it is.
 */
export function watchedToken<O>(provider: Provider<O>, dependency: Dependency, health: HealthState, logger: Logger): Provider<O> {
  return {
    async getToken(options) {
      try {
        const token = await provider.getToken(options);
        if (health.recover(dependency)) logger.info({ dependency }, `${dependency}: a token was obtained again`);
        return token;
      } catch (err) {
        const permanent = err && typeof err === 'object' && 'retryable' in err && err.retryable === false;
        if (permanent) {
          const reason = shortReason(err);
          if (health.fail(dependency, `${credentialFix(reason)}: ${reason}`))
            logger.error({ dependency }, `${credentialFix(reason)}: ${reason}`);
        }
        throw err;
      }
    },
  };
}
