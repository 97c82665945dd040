import { ConfigError } from './config-error';

/** Whose token the tab's MMD calls carry: the app's (client credentials) or the signed-in user's (OBO). */
export type MmdAuth = 'app' | 'user';

export interface TabConfig {
  /** MMD_AUTH: `user` exchanges the tab's SSO token on behalf of the user. */
  mmdAuth: MmdAuth;
  /**
   * Audiences an SSO token may carry: the app's `api://<domain>/<app id>` (TAB_SSO_AUDIENCE) and
   * the bare app id (v2 tokens). Empty: the tab's API is off (answers 503 tab_not_configured).
   */
  audiences: string[];
  /** Tenants whose users may use the tab: the MMD tenant. */
  tenantIds: string[];
  /** OpenID metadata of the identity platform; unset: `<authority>/<tenant>/v2.0/.well-known/...` (the emulator's in sandbox). */
  metadataUrl?: string;
  /** Sandbox only: the user the development SSO token names. */
  devUser: { upn: string; name: string };
}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}

/** Reads the tab's settings (part of loadConfig). */
export function loadTabConfig(env: Env, base: { mode: 'sandbox' | 'live'; clientId: string; tenantId: string }): TabConfig {
  const auth = value(env, 'MMD_AUTH').toLowerCase() || 'app';
  if (auth !== 'app' && auth !== 'user') throw new ConfigError('MMD_AUTH', 'must be app or user');
  let audience = value(env, 'TAB_SSO_AUDIENCE');
  if (audience && !/^api:\/\/[^/\s]+\/[^\s]+$/.test(audience)) {
    throw new ConfigError('TAB_SSO_AUDIENCE', 'must be the app id URI, api://<domain>/<app id>');
  }
  if (!audience && base.mode === 'sandbox') audience = `api://localhost/${base.clientId}`;
  const metadataUrl = value(env, 'TAB_SSO_METADATA_URL');
  if (metadataUrl && !/^https?:\/\//.test(metadataUrl)) throw new ConfigError('TAB_SSO_METADATA_URL', 'must be an http(s) URL');
  return {
    mmdAuth: auth,
    audiences: audience ? [audience, base.clientId].filter(Boolean) : [],
    tenantIds: [base.tenantId].filter(Boolean),
    metadataUrl: metadataUrl || undefined,
    devUser: {
      upn: value(env, 'TAB_DEV_USER_UPN') || 'alex.wilber@contoso.example',
      name: value(env, 'TAB_DEV_USER_NAME') || 'Alex Wilber',
    },
  };
}
