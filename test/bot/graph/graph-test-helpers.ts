import type { ChatHarness } from '../../helpers/bot-harness';

/** The emulator's switch that makes Graph create answer 400/403/405 (null: accept again). */
export async function refuseCreate(
  harness: ChatHarness,
  collection: 'incidents' | 'troubleshootingEvents',
  status: 400 | 403 | 405 | null,
): Promise<void> {
  const res = await fetch(`${harness.app.emulator!.url}/_emulator/graph/create-refusals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ collection, status }),
  });
  if (res.status !== 204) throw new Error(`create-refusals answered ${res.status}`);
}
