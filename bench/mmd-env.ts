import type { RunningEmulator } from '../src/emulator/types';

/** MMD Assist's environment in the bench and the soak: the emulator as its API, memory storage, auth off. */
export function mmdEnv(emulator: RunningEmulator): Record<string, string> {
  return {
    PORT: '0',
    MMD_API_BASE_URL: emulator.mmdBaseUrl,
    AAD_TOKEN_ENDPOINT: emulator.tokenEndpoint,
    MMD_TENANT_ID: emulator.tenantId,
    MMD_CLIENT_ID: emulator.clientId,
    MMD_CLIENT_SECRET: emulator.clientSecret,
    STORAGE: 'memory',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    // Inbound auth is off, as for the echo bot; these keep the (coming) live-mode guards out of the way.
    ALLOW_UNAUTHENTICATED: 'true',
    ALLOWED_TENANT_IDS: emulator.tenantId,
    DEFAULT_ROLE: 'admin',
  };
}
