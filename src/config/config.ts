import { z } from 'zod';
import { registerSecret } from '../log/secrets';
import type { DefaultRole } from './roles';
import { ConfigError } from './config-error';
import { variables, type Variables } from './variables';

/** Where durable data lives. */
export type StorageConfig =
  { kind: 'sqlite'; path: string } | { kind: 'memory' } | { kind: 'azure-blob'; connectionString: string; container: string };

/** The tenant and app the sandbox emulator accepts. */
export const SANDBOX_TENANT_ID = '00000000-0000-0000-0000-0000000000a1';
export const SANDBOX_CLIENT_ID = 'sandbox-client';
export const SANDBOX_CLIENT_SECRET = 'sandbox-secret';

/** The default OAuth connection name in sandbox mode (the emulator's token service knows any name). */
const SANDBOX_OAUTH_CONNECTION = 'mmd-assist-sso';

type Ctx = z.RefinementCtx;

/** A value that is wrong only together with others: the issue names `variable`. */
function problem(ctx: Ctx, variable: keyof Variables, reason: string): never {
  ctx.addIssue({ code: 'custom', path: [variable], message: reason });
  throw new Invalid();
}
class Invalid extends Error {}

/** Secret values scrubbed from logs and errors by value (src/log/secrets.ts). */
function registerConfigSecrets(v: Variables): void {
  registerSecret(v.MicrosoftAppPassword);
  registerSecret(v.MMD_CLIENT_SECRET);
  for (const match of (v.AZURE_STORAGE_CONNECTION_STRING ?? '').matchAll(/(?:AccountKey|SharedAccessSignature)=([^;]+)/gi))
    registerSecret(match[1]);
}

/**
 * The bot identity checked the way botbuilder's credential factory asserts it, so a mistake is
 * our one-line ConfigError at start instead of an assertion from inside botbuilder.
 */
function checkBotIdentity(v: Variables, ctx: Ctx): void {
  const type = v.MicrosoftAppType;
  if (type !== 'MultiTenant') {
    if (!v.MicrosoftAppId) problem(ctx, 'MicrosoftAppId', `is required when MicrosoftAppType=${type}`);
    if (!v.MicrosoftAppTenantId) problem(ctx, 'MicrosoftAppTenantId', `is required when MicrosoftAppType=${type}`);
  }
  if (type === 'SingleTenant' && !v.MicrosoftAppPassword)
    problem(ctx, 'MicrosoftAppPassword', 'is required when MicrosoftAppType=SingleTenant');
  if (type === 'UserAssignedMSI' && v.MicrosoftAppPassword)
    problem(ctx, 'MicrosoftAppPassword', 'must not be set when MicrosoftAppType=UserAssignedMSI');
}

/**
 * STORAGE. Live mode: SQLite in ./data by default. Sandbox mode: memory by default, so the bot's
 * state (audit, subscriptions, form claims) lives exactly as long as the emulator's data, which
 * is regenerated at every start: an audit never lists tickets the emulator no longer has.
 */
function storage(v: Variables, mode: 'sandbox' | 'live', ctx: Ctx): StorageConfig {
  const value = v.STORAGE ?? (mode === 'sandbox' ? 'memory' : 'sqlite:./data/mmd-assist.sqlite');
  if (value === 'memory') return { kind: 'memory' };
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (!path) problem(ctx, 'STORAGE', 'needs a path after sqlite:');
    return { kind: 'sqlite', path };
  }
  if (value === 'azure-blob') {
    const connectionString = v.AZURE_STORAGE_CONNECTION_STRING;
    if (!connectionString) problem(ctx, 'AZURE_STORAGE_CONNECTION_STRING', 'is required when STORAGE=azure-blob');
    const container = v.AZURE_STORAGE_CONTAINER;
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
      problem(ctx, 'AZURE_STORAGE_CONTAINER', 'is not a valid container name (3-63 lower-case letters, digits, dashes)');
    }
    return { kind: 'azure-blob', connectionString, container };
  }
  problem(ctx, 'STORAGE', 'must be sqlite:<path>, memory or azure-blob');
}

/**
 * DEFAULT_ROLE: `reader` in live mode. In sandbox mode `admin`, so a person trying the bot sees
 * every flow on fake data, unless a role list is set: then the lists mean it.
 */
function defaultRole(v: Variables, mode: 'sandbox' | 'live'): DefaultRole {
  if (v.DEFAULT_ROLE) return v.DEFAULT_ROLE;
  const listed =
    v.ELEVATION_ADMINS.length > 0 ||
    v.BOT_ADMINS.length > 0 ||
    v.OPERATORS.length > 0 ||
    Boolean(v.ELEVATION_ADMIN_GROUP_ID ?? v.BOT_ADMIN_GROUP_ID ?? v.OPERATOR_GROUP_ID);
  return mode === 'sandbox' && !listed ? 'admin' : 'reader';
}

/** ALLOWED_TENANT_IDS: default the MMD tenant's own id in live mode, any tenant in sandbox mode. */
function allowedTenants(v: Variables, mode: 'sandbox' | 'live', mmdTenantId: string, ctx: Ctx): string[] | 'any' {
  const ids = v.ALLOWED_TENANT_IDS;
  if (ids.includes('*')) {
    if (mode === 'live') problem(ctx, 'ALLOWED_TENANT_IDS', 'cannot be * in live mode: list the tenant ids');
    return 'any';
  }
  if (ids.length) return ids;
  return mode === 'live' ? [mmdTenantId.toLowerCase()] : 'any';
}

/**
 * OAUTH_CONNECTION_NAME and OAuthUrl: read only with MMD_AUTH=user, where the bot signs users in
 * through the Azure Bot's OAuth connection (Teams SSO). Live mode needs the name.
 */
function oauthConnection(v: Variables, mode: 'sandbox' | 'live', ctx: Ctx): { oauthConnectionName?: string; oauthUrl?: string } {
  if (v.MMD_AUTH !== 'user') return {};
  const name = v.OAUTH_CONNECTION_NAME;
  if (!name && mode === 'live')
    problem(ctx, 'OAUTH_CONNECTION_NAME', 'is required with MMD_AUTH=user: the Azure Bot OAuth connection used for Teams SSO');
  return { oauthConnectionName: name ?? SANDBOX_OAUTH_CONNECTION, oauthUrl: v.OAuthUrl?.replace(/\/+$/, '') };
}

/** The variables as the app uses them: modes decided, defaults that depend on others filled in, cross-checks made. */
function toAppConfig(v: Variables, ctx: Ctx) {
  checkBotIdentity(v, ctx);
  const appId = v.MicrosoftAppId;
  const baseUrl = v.MMD_API_BASE_URL;
  const mode: 'sandbox' | 'live' = baseUrl ? 'live' : 'sandbox';
  const clientId = v.MMD_CLIENT_ID ?? appId;
  const clientSecret = v.MMD_CLIENT_SECRET ?? v.MicrosoftAppPassword;
  if (mode === 'live') {
    if (!v.MMD_TENANT_ID) problem(ctx, 'MMD_TENANT_ID', 'is required when MMD_API_BASE_URL is set');
    if (!clientId) problem(ctx, 'MMD_CLIENT_ID', 'is required when MMD_API_BASE_URL is set (or set MicrosoftAppId)');
    if (!clientSecret) problem(ctx, 'MMD_CLIENT_SECRET', 'is required when MMD_API_BASE_URL is set (or set MicrosoftAppPassword)');
    // Without an app id botbuilder checks no token: anyone reaching the port could act on the
    // real tenant (reveal passwords, create tickets) and point replies at any serviceUrl.
    if (!appId && !v.ALLOW_UNAUTHENTICATED) {
      problem(
        ctx,
        'MicrosoftAppId',
        'is required when MMD_API_BASE_URL is set: without it inbound auth is off (set ALLOW_UNAUTHENTICATED=true only for a local test)',
      );
    }
  }
  const tenantId = v.MMD_TENANT_ID ?? (mode === 'sandbox' ? SANDBOX_TENANT_ID : '');
  const mmdClientId = clientId || (mode === 'sandbox' ? SANDBOX_CLIENT_ID : '');
  const audience = v.TAB_SSO_AUDIENCE ?? (mode === 'sandbox' ? `api://localhost/${mmdClientId}` : undefined);
  registerConfigSecrets(v);
  return {
    port: v.PORT,
    /** Listen address; undefined = all interfaces (App Service needs it when inbound auth is on), 127.0.0.1 when it is off. */
    host: v.HOST ?? (appId ? undefined : '127.0.0.1'),
    /** Live mode without an app id (inbound auth off) was asked for explicitly. */
    allowUnauthenticated: v.ALLOW_UNAUTHENTICATED,
    /** `npm run dev` only: the Agents Playground's port. */
    playgroundPort: v.PLAYGROUND_PORT,
    /** The bot's identity, as botbuilder names it. Empty id: inbound auth is off (local use only). */
    bot: {
      appId,
      appPassword: v.MicrosoftAppPassword,
      appType: v.MicrosoftAppType,
      appTenantId: v.MicrosoftAppTenantId,
      /** BOT_DOMAIN: links to it unfurl into cards. Unset: none do. */
      domain: v.BOT_DOMAIN,
      /** MMD_AUTH=user: the Azure Bot's OAuth connection whose Teams SSO token the bot exchanges; the token service (OAuthUrl). */
      ...oauthConnection(v, mode, ctx),
    },
    /** sandbox: no MMD_API_BASE_URL, the built-in emulator serves the API. */
    mode,
    mmd: {
      /** Unset in sandbox mode until the emulator has started. Always ends with '/'. */
      baseUrl: baseUrl ? (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : undefined,
      tenantId,
      clientId: mmdClientId,
      clientSecret: mode === 'sandbox' && !clientSecret ? SANDBOX_CLIENT_SECRET : clientSecret,
      scope: v.MMD_SCOPE,
      authorityHost: v.AAD_AUTHORITY_HOST,
      tokenEndpoint: v.AAD_TOKEN_ENDPOINT,
      graphBaseUrl: v.GRAPH_BASE_URL,
      timeoutMs: v.MMD_TIMEOUT_MS,
      /** The largest answer read from MMD, Graph or a token endpoint (src/http/answer-limit.ts). */
      maxAnswerBytes: v.API_MAX_ANSWER_MB * 1024 * 1024,
    },
    storage: storage(v, mode, ctx),
    logLevel: v.LOG_LEVEL,
    /** Traces and metrics to Application Insights (src/telemetry). Unset: off. */
    telemetryConnectionString: v.APPLICATIONINSIGHTS_CONNECTION_STRING,
    elevation: {
      /** Entra object ids and/or UPNs (lower-cased) allowed to see elevation details. */
      admins: v.ELEVATION_ADMINS,
      adminGroupId: v.ELEVATION_ADMIN_GROUP_ID,
      /** How long a revealed password stays on screen before the card is redacted. */
      revealSeconds: v.ELEVATION_REVEAL_SECONDS,
    },
    /** Roles (src/config/roles.ts): who is an operator, and what everyone else is. */
    roles: {
      /** The bot-admin role: the audit log, `subscribe all`. */
      botAdmins: v.BOT_ADMINS,
      botAdminGroupId: v.BOT_ADMIN_GROUP_ID,
      operators: v.OPERATORS,
      operatorGroupId: v.OPERATOR_GROUP_ID,
      defaultRole: defaultRole(v, mode),
    },
    /** Tenants whose users may use the bot; `any`: no check (sandbox default). Lower-cased ids. */
    allowedTenantIds: allowedTenants(v, mode, tenantId, ctx),
    /** Proactive ticket notifications (src/notify). */
    notify: {
      pollSeconds: v.NOTIFY_POLL_SECONDS,
      maxPerSecond: v.NOTIFY_MAX_PER_SECOND,
      /** Notes fetches per poll for followed tickets whose list entry did not change (round-robin). */
      notesPerPoll: v.NOTIFY_NOTES_PER_POLL,
    },
    /** The personal tab: SSO token checks and whose token its MMD calls carry. */
    tab: {
      /** `user` exchanges the tab's SSO token on behalf of the user. */
      mmdAuth: v.MMD_AUTH,
      /** The app id URI and the bare app id (v2 tokens); empty: the tab's API is off (503 tab_not_configured). */
      audiences: audience ? [audience, mmdClientId].filter(Boolean) : [],
      /** Tenants whose users may use the tab: the MMD tenant. */
      tenantIds: [tenantId].filter(Boolean),
      /** Unset: `<authority>/<tenant>/v2.0/.well-known/...` (the emulator's in sandbox). */
      metadataUrl: v.TAB_SSO_METADATA_URL,
      /** Sandbox only: the user the development SSO token names. */
      devUser: { upn: v.TAB_DEV_USER_UPN, name: v.TAB_DEV_USER_NAME },
    },
  };
}

/** The configuration: the environment variables (variables.ts) as the app uses them. */
const configSchema = variables.transform((v, ctx) => {
  try {
    return toAppConfig(v, ctx);
  } catch (err) {
    if (err instanceof Invalid) return z.NEVER;
    throw err;
  }
});

export type AppConfig = z.output<typeof configSchema>;

/**
 * Reads the environment once into a typed, validated object. Throws ConfigError naming the
 * first bad variable; never echoes a value (it may be a secret).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(String(issue.path[0] ?? 'configuration'), issue.message);
}
