/**
 * The emulated Microsoft identity platform: token endpoint (client credentials and the
 * on-behalf-of grant; v2 and v1 paths), development SSO tokens for the tab,
 * openid-configuration (MSAL is given it as authorityMetadata), keys and instance discovery.
 * Errors here follow the identity platform's shape (`{"error":"invalid_client",...}`), not the API's.
 */
import { createHash, randomUUID } from 'node:crypto';
import { errors } from 'jose';
import { z } from 'zod';
import type { ApiResponse, RouteContext, RouteHandler } from '../http';
import { validate } from '../validation';

function aadError(status: number, error: string, code: number, description: string): ApiResponse {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z'),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
    headers: { 'Cache-Control': 'no-store' },
  };
}

function form(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function sameTenant(ctx: RouteContext, tenant: string | undefined): boolean {
  return (tenant ?? '').toLowerCase() === ctx.settings.tenantId.toLowerCase();
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export const issueToken: RouteHandler = async (req, ctx) => {
  const params = form(req.body);
  if (!sameTenant(ctx, req.params.tenantId)) {
    return aadError(400, 'invalid_request', 90002, `Tenant '${req.params.tenantId ?? ''}' not found.`);
  }
  if (params.grant_type !== 'client_credentials' && params.grant_type !== JWT_BEARER) {
    return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
  }
  const client = checkClient(params, ctx);
  if (client) return client;
  if (params.grant_type === JWT_BEARER) return onBehalfOf(params, ctx);
  if (params.scope !== undefined && !params.scope.split(' ').some((s) => s.endsWith('/.default'))) {
    return aadError(
      400,
      'invalid_scope',
      1002012,
      'The provided value for scope is not valid: client credential flows must use /.default.',
    );
  }
  return tokenAnswer(ctx.tokens.issue(params.client_id!));
};

function tokenAnswer(issued: { token: string; expiresIn: number }, extra: Record<string, unknown> = {}): ApiResponse {
  return {
    status: 200,
    // Exactly the documented fields (no ext_expires_in), so the shape test holds the emulator to the documents.
    body: { token_type: 'Bearer', expires_in: issued.expiresIn, access_token: issued.token, ...extra },
    headers: { 'Cache-Control': 'no-store' },
  };
}

/** The confidential client's own credentials: an error answer, or undefined when they hold. */
function checkClient(params: Record<string, string>, ctx: RouteContext): ApiResponse | undefined {
  if (!params.client_id) return aadError(400, 'invalid_request', 900144, "The request body must contain 'client_id'.");
  if (params.client_id !== ctx.settings.clientId) {
    return aadError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${params.client_id}' was not found in the directory.`,
    );
  }
  if (params.client_secret !== ctx.settings.clientSecret) {
    // Never echo the secret that was sent.
    return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
  }
  return undefined;
}

/** An SSO token's audience names this app: its id, or an api://<domain>/<id> URI. */
function audienceIsClient(aud: unknown, clientId: string): boolean {
  const values = Array.isArray(aud) ? aud : [aud];
  return values.some(
    (value) => typeof value === 'string' && (value === clientId || (value.startsWith('api://') && value.endsWith(`/${clientId}`))),
  );
}

/**
 * The on-behalf-of grant: the assertion (the tab's SSO token) must be signed by this emulator,
 * unexpired, issued in this tenant (v1 or v2 issuer) for this app. The token it answers records
 * the user, so writes made with it carry the user's name (see TokenIssuer).
 */
async function onBehalfOf(params: Record<string, string>, ctx: RouteContext): Promise<ApiResponse> {
  if (params.requested_token_use !== 'on_behalf_of') {
    return aadError(400, 'invalid_request', 900144, "The request body must contain 'requested_token_use=on_behalf_of'.");
  }
  if (!params.assertion) return aadError(400, 'invalid_request', 900144, "The request body must contain 'assertion'.");
  if (!params.scope) return aadError(400, 'invalid_request', 900144, "The request body must contain 'scope'.");
  let claims: Record<string, unknown>;
  try {
    claims = await ctx.signingKey.verify(params.assertion);
  } catch (error) {
    return error instanceof errors.JWTExpired
      ? aadError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range.')
      : aadError(400, 'invalid_grant', 50013, 'Assertion failed signature validation.');
  }
  const tenant = ctx.settings.tenantId;
  const issuers = [`https://sts.windows.net/${tenant}/`, `https://login.microsoftonline.com/${tenant}/v2.0`];
  if (
    typeof claims.iss !== 'string' ||
    !issuers.includes(claims.iss) ||
    typeof claims.tid !== 'string' ||
    claims.tid.toLowerCase() !== tenant.toLowerCase()
  ) {
    return aadError(400, 'invalid_grant', 50013, 'Assertion issuer or tenant is not valid for this tenant.');
  }
  if (!audienceIsClient(claims.aud, params.client_id!)) {
    return aadError(400, 'invalid_grant', 50013, 'Assertion audience does not match the client app.');
  }
  const user = [claims.preferred_username, claims.upn, claims.oid].find((v): v is string => typeof v === 'string' && v !== '');
  if (!user) return aadError(400, 'invalid_grant', 50013, 'Assertion names no user.');
  if (ctx.userTokens.consentRequired.has(user.toLowerCase())) {
    const refused = aadError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${params.client_id!}'. Send an interactive authorization request for this user and resource.`,
    );
    return { ...refused, body: { ...(refused.body as Record<string, unknown>), suberror: 'consent_required' } };
  }
  // MSAL keeps OBO results in its cache keyed by the user: it needs a client_info or id token
  // only for interactive flows, so the documented access-token answer is enough here.
  return tokenAnswer(ctx.tokens.issue(params.client_id!, user), { scope: params.scope });
}

const devTokenSchema = z.object({
  audience: z.string().min(1).max(300),
  upn: z.string().min(3).max(200),
  name: z.string().min(1).max(200),
  oid: z.string().min(1).max(100).optional(),
  tenantId: z.string().min(1).max(100).optional(),
  issuer: z.string().min(1).max(300).optional(),
  expiresInSeconds: z.number().int().min(-86_400).max(86_400).optional(),
});

/**
 * Emulator only: a development SSO token, what Teams' getAuthToken would hand the tab, signed by
 * this emulator's key. Overrides (tenant, issuer, expiry, audience) let tests make wrong ones
 * that are still correctly signed.
 */
export const devToken: RouteHandler = async (req, ctx) => {
  const input = validate(devTokenSchema, req.body, 'development token request');
  const token = await ctx.signingKey.sign({
    audience: input.audience,
    tenantId: input.tenantId ?? ctx.settings.tenantId,
    oid:
      input.oid ??
      createHash('sha256')
        .update(input.upn.toLowerCase())
        .digest('hex')
        .slice(0, 32)
        .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
    name: input.name,
    upn: input.upn,
    issuer: input.issuer,
    expiresInSeconds: input.expiresInSeconds,
  });
  return { status: 200, body: { access_token: token, token_type: 'Bearer' }, headers: { 'Cache-Control': 'no-store' } };
};

export const openIdConfiguration: RouteHandler = (req, ctx) => {
  if (!sameTenant(ctx, req.params.tenantId)) {
    return aadError(400, 'invalid_tenant', 90002, `Tenant '${req.params.tenantId ?? ''}' not found.`);
  }
  const tenant = ctx.settings.tenantId;
  const base = `${ctx.url()}/${tenant}`;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      // MSAL keeps the https authority; the issuer is what Entra would say.
      issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${ctx.url()}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid', 'oid'],
      tenant_region_scope: 'NA',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
    },
  };
};

export const signingKeys: RouteHandler = (_req, ctx) => ({ status: 200, body: ctx.signingKey.jwks() });

/** What MSAL asks for when it is not given cloudDiscoveryMetadata. */
export const instanceDiscovery: RouteHandler = (_req, ctx) => ({
  status: 200,
  body: {
    tenant_discovery_endpoint: `${ctx.url()}/${ctx.settings.tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [
      {
        preferred_network: 'login.microsoftonline.com',
        preferred_cache: 'login.windows.net',
        aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
      },
    ],
  },
});
