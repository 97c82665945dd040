/**
 * MMD_AUTH=user sign-in state in durable storage, so every instance of the bot sees the same:
 * - the command a user asked for before they were signed in (run once sign-in completes), and
 * - one claim per Teams token exchange id: Teams may send the same `signin/tokenExchange` from
 *   several clients, and retries; only the first is exchanged, whichever instance gets it.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { StorageConflictError, type Storage } from '../storage/storage';

const hash = (...parts: string[]): string => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40);

/** A pending command is dropped after this long: a sign-in finished an hour later runs nothing. */
export const PENDING_TTL_MS = 15 * 60_000;

const pendingSchema = z.object({
  at: z.string(),
  command: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('message'), text: z.string().max(2000) }),
    z.object({ kind: z.literal('verb'), verb: z.string().max(100), data: z.unknown() }),
  ]),
});

export type PendingCommand = z.output<typeof pendingSchema>['command'];

const pendingKey = (conversationId: string, userId: string): string => `signin/pending/${hash(conversationId, userId)}`;

/** Keeps the user's latest command in this conversation (a newer one replaces it). */
export async function savePending(
  storage: Storage,
  conversationId: string,
  userId: string,
  command: PendingCommand,
  now: Date,
): Promise<void> {
  await storage.set(pendingKey(conversationId, userId), { at: now.toISOString(), command });
}

/** Takes (reads and deletes) the pending command, if one is recent enough. */
export async function takePending(
  storage: Storage,
  conversationId: string,
  userId: string,
  now: Date,
): Promise<PendingCommand | undefined> {
  const key = pendingKey(conversationId, userId);
  const item = await storage.get<unknown>(key);
  if (!item) return undefined;
  await storage.delete(key);
  const parsed = pendingSchema.safeParse(item.value);
  if (!parsed.success || now.getTime() - Date.parse(parsed.data.at) > PENDING_TTL_MS) return undefined;
  return parsed.data.command;
}

const STALE_EXCHANGE_MS = 30_000;

export type ExchangeState = 'pending' | 'done' | 'failed';
const exchangeSchema = z.object({ state: z.enum(['pending', 'done', 'failed']), at: z.string() });

export const SIGN_IN_PREFIX = 'signin';
const exchangeKey = (conversationId: string, exchangeId: string): string => `signin/exchange/${hash(conversationId, exchangeId)}`;

/**
 * An exchange claim is kept a day: Teams repeats a `signin/tokenExchange` within seconds (several
 * clients, retries), and the token it carries expires within the hour, so a day-old claim can
 * never meet its exchange again.
 */
export const EXCHANGE_CLAIM_TTL_MS = 24 * 60 * 60_000;

const writtenSchema = z.object({ at: z.string() });

/** When a sign-in record (pending command or exchange claim) may go: undefined keeps it. */
export function signInRecordExpiresAt(key: string, value: unknown): number | undefined {
  const at = writtenSchema.safeParse(value);
  const written = at.success ? Date.parse(at.data.at) : NaN;
  // Unreadable records are of no use to anyone: they go at once.
  if (Number.isNaN(written)) return 0;
  if (key.startsWith('signin/pending/')) return written + PENDING_TTL_MS;
  if (key.startsWith('signin/exchange/')) return written + EXCHANGE_CLAIM_TTL_MS;
  return undefined;
}

/**
 * Claims a token exchange id (create-only): `claimed` for the first caller, else what the first
 * one recorded (`pending` while it is still exchanging).
 */
export async function claimExchange(
  storage: Storage,
  conversationId: string,
  exchangeId: string,
  now: Date,
): Promise<{ claimed: true; eTag: string } | { claimed: false; state: ExchangeState }> {
  const key = exchangeKey(conversationId, exchangeId);
  try {
    const eTag = await storage.set(key, { state: 'pending', at: now.toISOString() }, { ifMatch: null });
    return { claimed: true, eTag };
  } catch (err) {
    if (!(err instanceof StorageConflictError)) throw err;
    const parsed = exchangeSchema.safeParse((await storage.get<unknown>(key))?.value);
    if (!parsed.success) return { claimed: false, state: 'pending' };
    // A claim still pending after this long belongs to an instance that died mid-exchange: failed, so Teams falls back to the sign-in card.
    const stale = parsed.data.state === 'pending' && now.getTime() - Date.parse(parsed.data.at) > STALE_EXCHANGE_MS;
    return { claimed: false, state: stale ? 'failed' : parsed.data.state };
  }
}

export async function finishExchange(
  storage: Storage,
  conversationId: string,
  exchangeId: string,
  state: 'done' | 'failed',
  now: Date,
): Promise<void> {
  await storage.set(exchangeKey(conversationId, exchangeId), { state, at: now.toISOString() });
}
