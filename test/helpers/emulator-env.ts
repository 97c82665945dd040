import type { RunningEmulator } from '../../src/emulator/types';

/** The variables that point a live-mode bot at a running emulator (MMD, its token endpoint, Graph). */
export function emulatorEnv(emulator: RunningEmulator): Record<string, string> {
  return {
    MMD_API_BASE_URL: emulator.mmdBaseUrl,
    MMD_TENANT_ID: emulator.tenantId,
    MMD_CLIENT_ID: emulator.clientId,
    MMD_CLIENT_SECRET: emulator.clientSecret,
    AAD_TOKEN_ENDPOINT: emulator.tokenEndpoint,
    GRAPH_BASE_URL: emulator.graphBaseUrl,
  };
}
