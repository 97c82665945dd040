/** Opaque bearer tokens of the emulated identity platform, and their check on API calls. */
import { randomBytes } from 'node:crypto';
import { EmulatorError } from './errors';

interface Issued {
  clientId: string;
  /** Set for a token obtained on behalf of a user (OBO grant): the user's UPN. */
  user?: string;
  expiresAt: number;
}

/** Who a valid token speaks for. */
export interface TokenHolder {
  clientId: string;
  user?: string;
}

export class TokenIssuer {
  private readonly tokens = new Map<string, Issued>();
  private issued = 0;

  constructor(private readonly lifetimeSeconds: number) {}

  /** Issues a new random token for `clientId`, on behalf of `user` when given (OBO). */
  issue(clientId: string, user?: string): { token: string; expiresIn: number } {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { clientId, ...(user ? { user } : {}), expiresAt: Date.now() + this.lifetimeSeconds * 1000 });
    this.issued++;
    return { token, expiresIn: this.lifetimeSeconds };
  }

  count(): number {
    return this.issued;
  }

  /**
   * Checks an Authorization header; answers the client id (and user, for an OBO token) the
   * token was issued to. Throws the documented 401 error otherwise (never echoing the token).
   */
  verify(header: string | undefined): TokenHolder {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const unauthorized = (message: string): EmulatorError =>
      new EmulatorError(401, message, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    if (!match) throw unauthorized('Authorization has been denied for this request: a bearer token is required.');
    const issued = this.tokens.get(match[1]!);
    if (!issued) throw unauthorized('Authorization has been denied for this request: the token is not valid.');
    if (issued.expiresAt <= Date.now()) {
      this.tokens.delete(match[1]!);
      throw unauthorized('Authorization has been denied for this request: the token has expired.');
    }
    return { clientId: issued.clientId, ...(issued.user ? { user: issued.user } : {}) };
  }
}
