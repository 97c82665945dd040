/**
 * The emulated identity platform's signing key: an RSA key made at start-up, published as the
 * tenant's JWKS, signing development SSO tokens and checking OBO assertions. A token signed here
 * is trusted only by a verifier pointed at this emulator's metadata (sandbox mode), never by one
 * pointed at Entra.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

export interface DevTokenClaims {
  /** api://<domain>/<app id> (what Teams puts in an SSO token) or the app id. */
  audience: string;
  tenantId: string;
  oid: string;
  name: string;
  upn: string;
  /** Default: the v2 issuer of `tenantId`. */
  issuer?: string;
  /** Default 3600; negative makes an already expired token (tests). */
  expiresInSeconds?: number;
}

export class SigningKey {
  readonly kid = `emulator-${randomUUID().slice(0, 8)}`;
  private pair?: { privateKey: KeyObject; publicKey: KeyObject };

  // Made on first use, not at start-up: an RSA key is costly to make and only the tab's SSO/OBO
  // flows need it.
  private keys(): { privateKey: KeyObject; publicKey: KeyObject } {
    this.pair ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
    return this.pair;
  }

  get publicKey(): KeyObject {
    return this.keys().publicKey;
  }

  private get privateKey(): KeyObject {
    return this.keys().privateKey;
  }

  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: [{ ...this.publicKey.export({ format: 'jwk' }), kid: this.kid, kty: 'RSA', use: 'sig', alg: 'RS256' }] };
  }

  /** An access token shaped like a Teams SSO token (v2 claims, `scp` access_as_user). */
  async sign(claims: DevTokenClaims): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const lifetime = claims.expiresInSeconds ?? 3600;
    return new SignJWT({
      tid: claims.tenantId,
      oid: claims.oid,
      name: claims.name,
      preferred_username: claims.upn,
      scp: 'access_as_user',
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? `https://login.microsoftonline.com/${claims.tenantId}/v2.0`)
      .setAudience(claims.audience)
      .setSubject(claims.oid)
      .setIssuedAt(Math.min(now, now + lifetime - 60))
      .setNotBefore(Math.min(now, now + lifetime - 60))
      .setExpirationTime(now + lifetime)
      .sign(this.privateKey);
  }

  /** Checks a token signed by this key (signature, RS256, expiry); throws otherwise. */
  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, { algorithms: ['RS256'] });
    return payload;
  }
}
