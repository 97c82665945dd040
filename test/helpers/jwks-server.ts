import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * A stand-in for the Bot Framework's OpenID metadata and signing keys on loopback, so tests can
 * exercise botbuilder's real inbound JWT validation with tokens they sign themselves.
 */
export class JwksServer {
  private server?: Server;
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  readonly kid = 'test-key-1';
  url = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  }

  /** The public key's modulus (base64url), to prove it never reaches a log. */
  get publicModulus(): string {
    return String(this.publicJwk.n);
  }

  get metadataUrl(): string {
    return `${this.url}/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/.well-known/openidconfiguration')) {
        res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${this.url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url?.startsWith('/keys')) {
        res.end(JSON.stringify({ keys: [this.publicJwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Any payload signed with this server's real key (for tokens botbuilder itself would accept but we must not). */
  signRaw(payload: Record<string, unknown>): string {
    return jwt.sign(payload, this.privateKey, { algorithm: 'RS256', keyid: this.kid, noTimestamp: true });
  }

  sign(claims: { aud: string; serviceurl: string; iss?: string; expiresInSeconds?: number }, kid = this.kid): string {
    return jwt.sign({ serviceurl: claims.serviceurl }, this.privateKey, {
      algorithm: 'RS256',
      keyid: kid,
      issuer: claims.iss ?? CHANNEL_ISSUER,
      audience: claims.aud,
      expiresIn: claims.expiresInSeconds ?? 300,
    });
  }
}
