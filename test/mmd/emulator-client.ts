import { startEmulator } from '../../src/emulator/emulator';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/types';
import { createMmdClient, type MmdClientOptions } from '../../src/mmd/create-client';
import { MMD_PROFILE } from '../../src/mmd/mmd-api-error';
import type { MmdClient } from '../../src/mmd/mmd-client';
import { createMsalTokenProvider, type TokenProvider } from '../../src/http/token-provider';

/** The MSAL token provider pointed at an emulator's token endpoint (no internet involved). */
export function emulatorTokenProvider(
  emulator: RunningEmulator,
  overrides: { clientSecret?: string; timeoutMs?: number; fetch?: typeof fetch; authorityHost?: string } = {},
): TokenProvider {
  return createMsalTokenProvider({
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: overrides.clientSecret ?? emulator.clientSecret,
    scope: 'https://mwaas-services-customerapi-prod.azurewebsites.net/.default',
    authorityHost: overrides.authorityHost ?? 'https://login.microsoftonline.com',
    tokenEndpoint: emulator.tokenEndpoint,
    timeoutMs: overrides.timeoutMs ?? 5000,
    fetch: overrides.fetch,
    profile: MMD_PROFILE,
  });
}

export interface ClientHarness {
  emulator: RunningEmulator;
  client: MmdClient;
  /** Back-off waits the client asked for (recorded instead of slept). */
  waits: number[];
  /** Another client on the same emulator with other options. */
  makeClient(options?: Partial<MmdClientOptions>): MmdClient;
  close(): Promise<void>;
}

/** An emulator on 127.0.0.1:0 and a client with the real MSAL provider and a recording sleep. */
export async function startClientHarness(options: EmulatorOptions = {}): Promise<ClientHarness> {
  const emulator = await startEmulator({ port: 0, ...options });
  const tokenProvider = emulatorTokenProvider(emulator);
  const waits: number[] = [];
  const makeClient = (overrides: Partial<MmdClientOptions> = {}): MmdClient =>
    createMmdClient({
      baseUrl: emulator.mmdBaseUrl,
      tenantId: emulator.tenantId,
      tokenProvider,
      timeoutMs: 5000,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
      ...overrides,
    });
  return { emulator, client: makeClient(), waits, makeClient, close: () => emulator.close() };
}
