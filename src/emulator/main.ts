/**
 * Standalone emulator (`npm run emulator`). Environment: EMULATOR_PORT (default 4010),
 * EMULATOR_SEED (default 1), EMULATOR_DEVICES (default 60).
 */
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from '../config/config';
import { startEmulator } from './emulator';
import { EXAMPLE_DEVICE, EXAMPLE_ELEVATED_DEVICE, EXAMPLE_TICKET_ID, EXAMPLE_USER_UPN } from './seed';

function whole(name: string, fallback: number, max: number): number {
  const raw = (process.env[name] ?? '').trim();
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    console.error(`${name} must be a whole number from 0 to ${max}`);
    process.exit(2);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port: whole('EMULATOR_PORT', 4010, 65535),
    seed: whole('EMULATOR_SEED', 1, 2 ** 32 - 1),
    devices: whole('EMULATOR_DEVICES', 60, 100_000),
  });
  // The sandbox credentials are public constants of the emulator, not secrets.
  console.log(
    [
      `MMD API emulator listening on ${emulator.url}`,
      `  MMD_API_BASE_URL   ${emulator.mmdBaseUrl}`,
      `  token endpoint     ${emulator.tokenEndpoint}`,
      `  openid metadata    ${emulator.url}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`,
      `  tenant id          ${emulator.tenantId}`,
      `  client id          ${SANDBOX_CLIENT_ID}`,
      `  client secret      ${SANDBOX_CLIENT_SECRET}`,
      `  faults (admin)     ${emulator.url}/_emulator/faults`,
      `  examples           device ${EXAMPLE_DEVICE}, elevated device ${EXAMPLE_ELEVATED_DEVICE},`,
      `                     user ${EXAMPLE_USER_UPN}, ticket ${EXAMPLE_TICKET_ID}`,
    ].join('\n'),
  );
  const stop = (signal: string): void => {
    console.log(`${signal}: stopping the emulator`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The emulator could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
