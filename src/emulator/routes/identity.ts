/**
 * The emulated Microsoft identity platform: client-credentials token endpoint (v2 and v1 paths),
 * openid-configuration (MSAL is given it as authorityMetadata), keys and instance discovery.
 * Errors here follow the identity platform's shape (`{"error":"invalid_client",...}`), not the API's.
 */
import { randomUUID } from 'node:crypto';
import type { ApiResponse, RouteContext, RouteHandler } from '../http';

function aadError(status: number, error: string, code: number, description: string): ApiResponse {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
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

export const issueToken: RouteHandler = (req, ctx) => {
  const params = form(req.body);
  if (!sameTenant(ctx, req.params.tenantId)) {
    return aadError(400, 'invalid_request', 90002, `Tenant '${req.params.tenantId ?? ''}' not found.`);
  }
  if (params.grant_type !== 'client_credentials') {
    return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
  }
  if (!params.client_id) return aadError(400, 'invalid_request', 900144, "The request body must contain 'client_id'.");
  if (params.client_id !== ctx.settings.clientId) {
    return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${params.client_id}' was not found in the directory.`);
  }
  if (params.client_secret !== ctx.settings.clientSecret) {
    // Never echo the secret that was sent.
    return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
  }
  if (params.scope !== undefined && !params.scope.split(' ').some((s) => s.endsWith('/.default'))) {
    return aadError(400, 'invalid_scope', 1002012, 'The provided value for scope is not valid: client credential flows must use /.default.');
  }
  const { token, expiresIn } = ctx.tokens.issue(params.client_id);
  return {
    status: 200,
    // Exactly the documented fields (no ext_expires_in), so the shape test holds the emulator to the documents.
    body: { token_type: 'Bearer', expires_in: expiresIn, access_token: token },
    headers: { 'Cache-Control': 'no-store' },
  };
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

export const signingKeys: RouteHandler = () => ({ status: 200, body: { keys: [] } });

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
