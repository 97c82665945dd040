/**
 * The MMD API emulator in its own process for the notifications bench, seeded with
 * BENCH_NOTIFY_TICKETS tickets, so the poll cycle's CPU measured in the bench process is the
 * notifier's alone. Tells the parent its addresses over IPC.
 */
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT_ID } from '../src/config/config';
import { startEmulator } from '../src/emulator/emulator';

async function main(): Promise<void> {
  const emulator = await startEmulator({
    tenantId: SANDBOX_TENANT_ID,
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    tickets: Number(process.env.BENCH_NOTIFY_TICKETS ?? 10_000),
  });
  const { url, mmdBaseUrl, tokenEndpoint, tenantId, clientId, clientSecret } = emulator;
  process.send?.({ kind: 'ready', emulator: { url, mmdBaseUrl, tokenEndpoint, tenantId, clientId, clientSecret } });
  process.on('disconnect', () => process.exit(0));
}

main().catch((err: unknown) => {
  console.error('notify emulator failed:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
