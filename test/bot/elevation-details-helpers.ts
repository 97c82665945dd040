import { randomUUID } from 'node:crypto';
import type { Storage } from '../../src/storage/storage';
import type { ChatHarness, InvokeResponse, SendOptions } from '../helpers/bot-harness';
import { requestToken } from '../emulator/emulator-harness';
import { findElements } from '../helpers/card-validation';

/** The env every elevation test starts with: Adele (by UPN) and aad-admin-2 (by object id) are admins. */
export const ADMIN_ENV = {
  ELEVATION_ADMINS: 'adele.vance@contoso.com, AAD-ADMIN-2',
  // The same two people run the bot (the audit, subscribe all).
  BOT_ADMINS: 'adele.vance@contoso.com, AAD-ADMIN-2',
  ELEVATION_REVEAL_SECONDS: '1',
};

export const ADMIN_BY_ID = { id: 'user-2', name: 'Megan Bowen', aadObjectId: 'aad-admin-2' };
export const OUTSIDER = { id: 'user-3', name: 'Mallory Evil', aadObjectId: 'aad-user-3' };

/** Registers the outsider with Teams (the admin by id stays unknown to the roster on purpose). */
export function addMembers(harness: ChatHarness): void {
  harness.connector.members.set(OUTSIDER.id, { ...OUTSIDER, userPrincipalName: 'mallory@contoso.com' });
}

/**
 * Sends `elevation <device>` as this user and answers the id the connector gave the card the
 * bot sent (in the 1:1 chat the card went to); undefined when no card was sent (refused).
 */
export async function shownCardId(harness: ChatHarness, deviceName: string, options: SendOptions = {}): Promise<string | undefined> {
  const before = harness.connector.calls.length;
  await harness.say(`elevation ${deviceName}`, options);
  return harness.connector.calls.slice(before).find((c) => c.method === 'POST' && Array.isArray(c.activity.attachments))?.responseId;
}

/**
 * Action.Execute as Teams sends it from a card: with the id of the message holding the card.
 * A reveal without a given replyToId is pressed on a card the bot sent for that device first.
 */
export async function executeOnCard(
  harness: ChatHarness,
  verb: string,
  data: Record<string, unknown>,
  options: SendOptions & { replyToId?: string } = {},
): Promise<InvokeResponse> {
  const shown =
    verb === 'elevation.reveal' && !options.replyToId && typeof data.deviceName === 'string'
      ? await shownCardId(harness, data.deviceName, options)
      : undefined;
  return harness.execute(verb, data, { ...options, replyToId: options.replyToId ?? shown ?? `card-${randomUUID()}` });
}

/** Calls to the emulator's elevationDetails since `from` (index into requestLog()). */
export function detailCalls(harness: ChatHarness, from = 0): string[] {
  return harness.app
    .emulator!.requestLog()
    .slice(from)
    .map((e) => e.url)
    .filter((u) => u.includes('/elevationDetails'));
}

/** Every key and value of a storage, as one string, to search for what must never be stored. */
export async function dumpStorage(storage: Storage): Promise<string> {
  const out: string[] = [];
  for (const key of await storage.list('')) out.push(key, JSON.stringify((await storage.get<unknown>(key))?.value));
  return out.join('\n');
}

/** The password the emulator holds for a device (read straight from the emulator, not through the bot). */
export async function emulatorPassword(harness: ChatHarness, deviceName: string): Promise<string> {
  const emulator = harness.app.emulator!;
  const token = String((await requestToken(emulator)).body.access_token);
  const res = await fetch(`${emulator.mmdBaseUrl}tenants/${emulator.tenantId}/devices/${deviceName}/elevationDetails`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { password } = (await res.json()) as { password: string };
  if (!password) throw new Error('the emulator has no password for this device');
  return password;
}

/** The TextRuns of the card's password block (id "password"); other runs carry request data. */
export function passwordBlockRuns(card: unknown): Array<Record<string, unknown>> {
  const block = findElements(card, 'RichTextBlock').find((b) => b.id === 'password');
  return (block?.inlines as Array<Record<string, unknown>> | undefined) ?? [];
}
