import type { NotifyTarget } from '../../src/notify/notify-target';

/** A conversation target as the Teams layer will store it; `kind` defaults to personal. */
export function target(key: string, kind: NotifyTarget['kind'] = 'personal'): NotifyTarget {
  return { key, conversationId: key, kind, tenantId: 'tenant-1', serviceUrl: 'http://127.0.0.1:1/' };
}

/** Calls an emulator admin route (no token needed) and fails the test on a non-2xx answer. */
export async function emulatorAdmin(baseUrl: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}
