import { isIP } from 'node:net';
import { registerSecret } from '../log/secrets';
import { isRole, type Role } from './roles';
import { ConfigError } from './config-error';
import { loadTabConfig, type TabConfig } from './tab-config';

/** Where durable data lives. */
export type StorageConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'memory' }
  | { kind: 'azure-blob'; connectionString: string; container: string };

export interface AppConfig {
  port: number;
  /**
   * Listen address; undefined = all interfaces. Default: all interfaces when inbound auth is on
   * (App Service needs it), 127.0.0.1 when it is off.
   */
  host?: string;
  /** Live mode without an app id (inbound auth off) was asked for explicitly. */
  allowUnauthenticated: boolean;
  /** `npm run dev` only: the Agents Playground's port. */
  playgroundPort: number;
  /** The bot's identity, as botbuilder names it. Empty id: inbound auth is off (local use only). */
  bot: {
    appId: string;
    appPassword: string;
    appType: string;
    appTenantId: string;
    openIdMetadataUrl?: string;
    tokenIssuer?: string;
    /** The bot's public host name (BOT_DOMAIN): links to it unfurl into cards. Unset: none do. */
    domain?: string;
    /**
     * MMD_AUTH=user: the Azure Bot's OAuth connection (OAUTH_CONNECTION_NAME) whose Teams SSO
     * token the bot exchanges on behalf of the user. Unset with MMD_AUTH=app.
     */
    oauthConnectionName?: string;
    /** The Bot Framework token service (OAuthUrl); unset = botbuilder's default, the emulator's in sandbox. */
    oauthUrl?: string;
  };
  /** sandbox: no MMD_API_BASE_URL, the built-in emulator serves the API. */
  mode: 'sandbox' | 'live';
  mmd: {
    /** Unset in sandbox mode until the emulator has started. Always ends with '/'. */
    baseUrl?: string;
    tenantId: string;
    clientId: string;
    clientSecret: string;
    scope: string;
    authorityHost: string;
    tokenEndpoint?: string;
    graphBaseUrl: string;
    timeoutMs: number;
  };
  storage: StorageConfig;
  logLevel: string;
  /** APPLICATIONINSIGHTS_CONNECTION_STRING: traces and metrics to Application Insights (src/telemetry). Unset: off. */
  telemetryConnectionString?: string;
  elevation: {
    /** Entra object ids and/or UPNs (lower-cased) allowed to see elevation details. */
    admins: string[];
    adminGroupId?: string;
    /** How long a revealed password stays on screen before the card is redacted. */
    revealSeconds: number;
  };
  /** Roles (src/protocol/roles.ts): who is an operator, and what everyone else is. */
  roles: {
    /** Entra object ids and/or UPNs (lower-cased). */
    operators: string[];
    operatorGroupId?: string;
    /** The role of anyone not listed as admin or operator. */
    defaultRole: Role;
  };
  /** Tenants whose users may use the bot; `any`: no check (sandbox default). Lower-cased ids. */
  allowedTenantIds: string[] | 'any';
  /** Proactive ticket notifications (src/notify). */
  notify: {
    pollSeconds: number;
    /** Overall proactive sends per second (Teams allows about 50 per app and tenant). */
    maxPerSecond: number;
    /** Notes fetches per poll for followed tickets whose list entry did not change (round-robin). */
    notesPerPoll: number;
  };
  /** The personal tab: SSO token checks and whose token its MMD calls carry. */
  tab: TabConfig;
}

/** The tenant and app the sandbox emulator accepts. */
export const SANDBOX_TENANT_ID = '00000000-0000-0000-0000-0000000000a1';
export const SANDBOX_CLIENT_ID = 'sandbox-client';
export const SANDBOX_CLIENT_SECRET = 'sandbox-secret';
export const DEFAULT_SCOPE = 'https://mwaas-services-customerapi-prod.azurewebsites.net/.default';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback = ''): string {
  const value = env[name];
  return value === undefined ? fallback : value.trim();
}

function url(env: Env, name: string, fallback?: string): string | undefined {
  const value = str(env, name);
  if (!value) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(name, 'must be an http(s) URL');
  }
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = str(env, name);
  if (!value) return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = str(env, name).toLowerCase();
  if (!value) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(name, 'must be true or false');
}

function host(env: Env, inboundAuth: boolean): string | undefined {
  const value = str(env, 'HOST');
  if (!value) return inboundAuth ? undefined : '127.0.0.1';
  // An IPv4/IPv6 address or a host name; nothing that could be a URL or carry a port.
  const hostName = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/.test(value) && value.length <= 253;
  if (!isIP(value) && !hostName) {
    throw new ConfigError('HOST', 'must be an IP address or a host name (e.g. 0.0.0.0, ::, 127.0.0.1)');
  }
  return value;
}

/** A host name with an optional port, no scheme or path (the manifest's validDomains form). */
function domainName(env: Env, name: string): string | undefined {
  const value = str(env, name).toLowerCase();
  if (!value) return undefined;
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/.test(value)) {
    throw new ConfigError(name, 'must be a host name only, e.g. mmd-assist.azurewebsites.net (no https://, no path)');
  }
  return value;
}

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

/**
 * The bot identity checked the way botbuilder's credential factory asserts it, so a mistake is
 * our one-line ConfigError at start instead of an assertion from inside botbuilder.
 */
function botIdentity(env: Env): { appId: string; appPassword: string; appType: string; appTenantId: string } {
  const appId = str(env, 'MicrosoftAppId');
  const appPassword = str(env, 'MicrosoftAppPassword');
  const rawType = str(env, 'MicrosoftAppType', 'MultiTenant') || 'MultiTenant';
  const appType = APP_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
  if (!appType) throw new ConfigError('MicrosoftAppType', 'must be MultiTenant, SingleTenant or UserAssignedMSI');
  const appTenantId = str(env, 'MicrosoftAppTenantId');
  if (appType !== 'MultiTenant') {
    if (!appId) throw new ConfigError('MicrosoftAppId', `is required when MicrosoftAppType=${appType}`);
    if (!appTenantId) throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType=${appType}`);
  }
  if (appType === 'SingleTenant' && !appPassword) {
    throw new ConfigError('MicrosoftAppPassword', 'is required when MicrosoftAppType=SingleTenant');
  }
  if (appType === 'UserAssignedMSI' && appPassword) {
    throw new ConfigError('MicrosoftAppPassword', 'must not be set when MicrosoftAppType=UserAssignedMSI');
  }
  return { appId, appPassword, appType, appTenantId };
}

/** Secret values scrubbed from logs and errors by value (src/log/secrets.ts). */
function registerConfigSecrets(env: Env, appPassword: string, clientSecret: string): void {
  registerSecret(appPassword);
  registerSecret(clientSecret);
  const connection = str(env, 'AZURE_STORAGE_CONNECTION_STRING');
  for (const match of connection.matchAll(/(?:AccountKey|SharedAccessSignature)=([^;]+)/gi)) registerSecret(match[1]);
}

/**
 * STORAGE. Live mode: SQLite in ./data by default. Sandbox mode: memory by default, so the bot's
 * state (audit, subscriptions, form claims) lives exactly as long as the emulator's data, which
 * is regenerated at every start: an audit never lists tickets the emulator no longer has.
 */
function storage(env: Env, mode: 'sandbox' | 'live'): StorageConfig {
  const value = str(env, 'STORAGE', mode === 'sandbox' ? 'memory' : 'sqlite:./data/mmd-assist.sqlite');
  if (value === 'memory') return { kind: 'memory' };
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (!path) throw new ConfigError('STORAGE', 'needs a path after sqlite:');
    return { kind: 'sqlite', path };
  }
  if (value === 'azure-blob') {
    const connectionString = str(env, 'AZURE_STORAGE_CONNECTION_STRING');
    if (!connectionString) throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', 'is required when STORAGE=azure-blob');
    const container = str(env, 'AZURE_STORAGE_CONTAINER', 'mmd-assist');
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
      throw new ConfigError('AZURE_STORAGE_CONTAINER', 'is not a valid container name (3-63 lower-case letters, digits, dashes)');
    }
    return { kind: 'azure-blob', connectionString, container };
  }
  throw new ConfigError('STORAGE', 'must be sqlite:<path>, memory or azure-blob');
}

/**
 * DEFAULT_ROLE: `reader` in live mode. In sandbox mode `admin`, so a person trying the bot sees
 * every flow on fake data, unless an admin or operator list is set: then the lists mean it.
 */
function defaultRole(env: Env, mode: 'sandbox' | 'live'): Role {
  const value = str(env, 'DEFAULT_ROLE').toLowerCase();
  if (value) {
    if (!isRole(value)) throw new ConfigError('DEFAULT_ROLE', 'must be reader, operator or admin');
    return value;
  }
  const listed = ['ELEVATION_ADMINS', 'ELEVATION_ADMIN_GROUP_ID', 'OPERATORS', 'OPERATOR_GROUP_ID'].some((n) => str(env, n));
  return mode === 'sandbox' && !listed ? 'admin' : 'reader';
}

/** ALLOWED_TENANT_IDS: default the MMD tenant's own id in live mode, any tenant in sandbox mode. */
function allowedTenants(env: Env, mode: 'sandbox' | 'live', mmdTenantId: string): string[] | 'any' {
  const ids = list(env, 'ALLOWED_TENANT_IDS');
  if (ids.includes('*')) {
    if (mode === 'live') throw new ConfigError('ALLOWED_TENANT_IDS', 'cannot be * in live mode: list the tenant ids');
    return 'any';
  }
  if (ids.length) return ids;
  return mode === 'live' ? [mmdTenantId.toLowerCase()] : 'any';
}

function list(env: Env, name: string): string[] {
  return str(env, name)
    .split(/[,;\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** The default OAuth connection name in sandbox mode (the emulator's token service knows any name). */
export const SANDBOX_OAUTH_CONNECTION = 'mmd-assist-sso';

/**
 * OAUTH_CONNECTION_NAME and OAuthUrl: read only with MMD_AUTH=user, where the bot signs users in
 * through the Azure Bot's OAuth connection (Teams SSO). Live mode needs the name.
 */
function oauthConnection(env: Env, mode: 'sandbox' | 'live'): { oauthConnectionName?: string; oauthUrl?: string } {
  const oauthUrl = url(env, 'OAuthUrl')?.replace(/\/+$/, '');
  if (str(env, 'MMD_AUTH').toLowerCase() !== 'user') return {};
  const name = str(env, 'OAUTH_CONNECTION_NAME');
  if (name && !/^[\w .-]{1,100}$/.test(name)) throw new ConfigError('OAUTH_CONNECTION_NAME', 'must be the OAuth connection name of the Azure Bot (letters, digits, space, . _ -)');
  if (!name && mode === 'live') throw new ConfigError('OAUTH_CONNECTION_NAME', 'is required with MMD_AUTH=user: the Azure Bot OAuth connection used for Teams SSO');
  return { oauthConnectionName: name || SANDBOX_OAUTH_CONNECTION, oauthUrl };
}

/**
 * Reads the environment once into a typed, validated object. Throws ConfigError naming the
 * first bad variable; never echoes a value (it may be a secret).
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const { appId, appPassword, appType, appTenantId } = botIdentity(env);
  const baseUrl = url(env, 'MMD_API_BASE_URL');
  const mode = baseUrl ? 'live' : 'sandbox';
  const clientId = str(env, 'MMD_CLIENT_ID', appId);
  const clientSecret = str(env, 'MMD_CLIENT_SECRET', appPassword);
  if (mode === 'live') {
    if (!str(env, 'MMD_TENANT_ID')) throw new ConfigError('MMD_TENANT_ID', 'is required when MMD_API_BASE_URL is set');
    if (!clientId) throw new ConfigError('MMD_CLIENT_ID', 'is required when MMD_API_BASE_URL is set (or set MicrosoftAppId)');
    if (!clientSecret) {
      throw new ConfigError('MMD_CLIENT_SECRET', 'is required when MMD_API_BASE_URL is set (or set MicrosoftAppPassword)');
    }
  }
  const allowUnauthenticated = bool(env, 'ALLOW_UNAUTHENTICATED', false);
  if (mode === 'live' && !appId && !allowUnauthenticated) {
    // Without an app id botbuilder checks no token: anyone reaching the port could act on the
    // real tenant (reveal passwords, create tickets) and point replies at any serviceUrl.
    throw new ConfigError(
      'MicrosoftAppId',
      'is required when MMD_API_BASE_URL is set: without it inbound auth is off (set ALLOW_UNAUTHENTICATED=true only for a local test)',
    );
  }
  const logLevel = str(env, 'LOG_LEVEL', 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const mmdTenantId = str(env, 'MMD_TENANT_ID', mode === 'sandbox' ? SANDBOX_TENANT_ID : '');
  const mmdClientId = clientId || (mode === 'sandbox' ? SANDBOX_CLIENT_ID : '');
  registerConfigSecrets(env, appPassword, clientSecret);
  return {
    port: int(env, 'PORT', 3978, 0, 65535),
    host: host(env, Boolean(appId)),
    allowUnauthenticated,
    playgroundPort: int(env, 'PLAYGROUND_PORT', 56150, 1, 65535),
    bot: {
      appId,
      appPassword,
      appType,
      appTenantId,
      openIdMetadataUrl: url(env, 'ToBotFromChannelOpenIdMetadataUrl'),
      tokenIssuer: str(env, 'ToBotFromChannelTokenIssuer') || undefined,
      domain: domainName(env, 'BOT_DOMAIN'),
      ...oauthConnection(env, mode),
    },
    mode,
    mmd: {
      baseUrl: baseUrl ? (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : undefined,
      tenantId: mmdTenantId,
      clientId: mmdClientId,
      clientSecret: mode === 'sandbox' && !clientSecret ? SANDBOX_CLIENT_SECRET : clientSecret,
      scope: str(env, 'MMD_SCOPE', DEFAULT_SCOPE),
      authorityHost: url(env, 'AAD_AUTHORITY_HOST', 'https://login.microsoftonline.com')!.replace(/\/+$/, ''),
      tokenEndpoint: url(env, 'AAD_TOKEN_ENDPOINT'),
      graphBaseUrl: url(env, 'GRAPH_BASE_URL', 'https://graph.microsoft.com')!.replace(/\/+$/, ''),
      timeoutMs: int(env, 'MMD_TIMEOUT_MS', 10_000, 100, 120_000),
    },
    storage: storage(env, mode),
    logLevel,
    telemetryConnectionString: str(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING') || undefined,
    elevation: {
      admins: list(env, 'ELEVATION_ADMINS'),
      adminGroupId: str(env, 'ELEVATION_ADMIN_GROUP_ID') || undefined,
      revealSeconds: int(env, 'ELEVATION_REVEAL_SECONDS', 300, 1, 3600),
    },
    roles: {
      operators: list(env, 'OPERATORS'),
      operatorGroupId: str(env, 'OPERATOR_GROUP_ID') || undefined,
      defaultRole: defaultRole(env, mode),
    },
    allowedTenantIds: allowedTenants(env, mode, mmdTenantId),
    notify: {
      pollSeconds: int(env, 'NOTIFY_POLL_SECONDS', 60, 5, 86_400),
      maxPerSecond: int(env, 'NOTIFY_MAX_PER_SECOND', 50, 1, 50),
      notesPerPoll: int(env, 'NOTIFY_NOTES_PER_POLL', 20, 1, 1000),
    },
    tab: loadTabConfig(env, { mode, clientId: mmdClientId, tenantId: mmdTenantId }),
  };
}
