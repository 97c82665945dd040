/**
 * The emulated Bot Framework token service's memory: user tokens per (user, OAuth connection,
 * channel), magic codes of the emulated sign-in page, and the users for whom the identity
 * platform answers "consent required" to an on-behalf-of request.
 */
import { randomInt } from 'node:crypto';

export interface StoredUserToken {
  token: string;
  /** ISO time the token expires. */
  expiration: string;
}

export class UserTokenStore {
  private readonly tokens = new Map<string, StoredUserToken>();
  private readonly codes = new Map<string, { key: string; token: StoredUserToken }>();
  private readonly exchanges: Array<{ userId: string; connectionName: string; ok: boolean }> = [];
  /** Lower-cased UPNs. */
  readonly consentRequired = new Set<string>();

  private static key(userId: string, connectionName: string, channelId: string): string {
    return `${userId}\n${connectionName.toLowerCase()}\n${channelId}`;
  }

  get(userId: string, connectionName: string, channelId: string): StoredUserToken | undefined {
    const key = UserTokenStore.key(userId, connectionName, channelId);
    const held = this.tokens.get(key);
    if (held && Date.parse(held.expiration) <= Date.now()) {
      this.tokens.delete(key);
      return undefined;
    }
    return held;
  }

  set(userId: string, connectionName: string, channelId: string, token: StoredUserToken): void {
    this.tokens.set(UserTokenStore.key(userId, connectionName, channelId), token);
  }

  delete(userId: string, connectionName: string | undefined, channelId: string): void {
    for (const key of [...this.tokens.keys()]) {
      const [user, connection, channel] = key.split('\n');
      if (user === userId && channel === channelId && (connectionName === undefined || connection === connectionName.toLowerCase()))
        this.tokens.delete(key);
    }
  }

  /** The sign-in page's six-digit code; redeemed once by GetToken?code=. */
  issueCode(userId: string, connectionName: string, channelId: string, token: StoredUserToken): string {
    const code = String(randomInt(100_000, 1_000_000));
    this.codes.set(code, { key: UserTokenStore.key(userId, connectionName, channelId), token });
    return code;
  }

  redeemCode(userId: string, connectionName: string, channelId: string, code: string): boolean {
    const held = this.codes.get(code);
    if (!held || held.key !== UserTokenStore.key(userId, connectionName, channelId)) return false;
    this.codes.delete(code);
    this.tokens.set(held.key, held.token);
    return true;
  }

  recordExchange(userId: string, connectionName: string, ok: boolean): void {
    this.exchanges.push({ userId, connectionName, ok });
  }

  /** Every exchange request the token service answered (tests count them). */
  exchangeLog(): Array<{ userId: string; connectionName: string; ok: boolean }> {
    return this.exchanges.map((e) => ({ ...e }));
  }
}
