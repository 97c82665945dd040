/**
 * Checks the SSO token Teams hands the tab (authentication.getAuthToken) before the tab's API
 * answers: RS256 signature against the identity platform's keys (JWKS named by its OpenID
 * metadata), issuer (v1 or v2 of an allowed tenant), audience (the app's api:// id or app id),
 * expiry and tenant. Sandbox mode points the metadata at the emulator; the code path is the same.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { TabError } from './tab-error';

export interface SsoUser {
  /** Entra object id. */
  oid: string;
  tenantId: string;
  name: string;
  upn: string;
  /** The raw token: the assertion for the on-behalf-of exchange. Never logged. */
  token: string;
}

export interface SsoVerifierOptions {
  metadataUrl: string;
  audiences: string[];
  tenantIds: string[];
  /** Fetch of the metadata (tests); the JWKS is fetched by jose. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface SsoVerifier {
  /** The user behind an `Authorization: Bearer` header; throws TabError 401 otherwise. */
  verify(authorization: string | undefined): Promise<SsoUser>;
}

/** Both issuer forms Entra uses for a tenant: v1 tokens (Teams SSO today) and v2. */
function issuersFor(tenantIds: string[]): string[] {
  return tenantIds.flatMap((tid) => [`https://sts.windows.net/${tid}/`, `https://login.microsoftonline.com/${tid}/v2.0`]);
}

const unauthorized = (message: string): TabError => new TabError(401, 'unauthorized', message);

export function createSsoVerifier(options: SsoVerifierOptions): SsoVerifier {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  const tenants = options.tenantIds.map((t) => t.toLowerCase());
  const issuers = issuersFor(options.tenantIds);
  let keys: Promise<JWTVerifyGetKey> | undefined;

  // Metadata once per process (keys rotate inside the JWKS, which jose re-fetches on an
  // unknown kid); a failed fetch is not remembered, so the next request tries again.
  function signingKeys(): Promise<JWTVerifyGetKey> {
    keys ??= (async () => {
      const response = await doFetch(options.metadataUrl, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`OpenID metadata answered ${response.status}`);
      const metadata = (await response.json()) as { jwks_uri?: unknown };
      if (typeof metadata.jwks_uri !== 'string') throw new Error('OpenID metadata has no jwks_uri');
      return createRemoteJWKSet(new URL(metadata.jwks_uri), {
        timeoutDuration: timeoutMs,
        cooldownDuration: 30_000,
        cacheMaxAge: 3_600_000,
      });
    })().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  }

  return {
    async verify(authorization) {
      const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/.exec(authorization ?? '');
      if (!match) throw unauthorized('A Teams sign-in token is required.');
      const token = match[1]!;
      let getKey: JWTVerifyGetKey;
      try {
        getKey = await signingKeys();
      } catch {
        throw new TabError(503, 'sso_unavailable', 'The sign-in keys could not be loaded; try again shortly.');
      }
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(token, getKey, {
          algorithms: ['RS256'],
          audience: options.audiences,
          issuer: issuers,
          requiredClaims: ['exp', 'tid'],
          clockTolerance: 60,
        }));
      } catch {
        // Which check failed is not the caller's business (and the token is never echoed).
        throw unauthorized('The sign-in token is not valid.');
      }
      const tid = String(claims.tid).toLowerCase();
      // The issuer was one of the allowed tenants'; the tid claim must be that same tenant.
      const issuerTenant = /^https:\/\/(?:sts\.windows\.net|login\.microsoftonline\.com)\/([^/]+)\//
        .exec(String(claims.iss))?.[1]
        ?.toLowerCase();
      if (!tenants.includes(tid) || issuerTenant !== tid) throw unauthorized('The sign-in token is not valid for this tenant.');
      const text = (value: unknown): string => (typeof value === 'string' ? value : '');
      const upn = text(claims.preferred_username) || text(claims.upn) || text(claims.unique_name);
      const oid = text(claims.oid);
      if (!oid) throw unauthorized('The sign-in token names no user.');
      return { oid, tenantId: tid, name: text(claims.name) || upn, upn, token };
    },
  };
}
