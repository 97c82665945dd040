/**
 * What `npm run package` fills into manifest/manifest.json, from the environment. Nothing is
 * checked here: every value goes into the manifest and the manifest is checked as a whole
 * (check-manifest.ts), so the rules live in one place. Missing values fall back to a development
 * package (fixed GUIDs, localhost) that is good for local use and says so.
 */
export const DEV_TEAMS_APP_ID = '6d6d6441-7373-6973-7400-000000000001';
export const DEV_BOT_ID = '6d6d6441-7373-6973-7400-000000000002';
const DEV_DOMAIN = 'localhost';

/** Without all three the package can only be used locally. */
export const DEVELOPMENT_VARIABLES = ['TEAMS_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN'] as const;

interface PackageValues {
  TEAMS_APP_ID: string;
  BOT_ID: string;
  BOT_DOMAIN: string;
  APP_VERSION: string;
  TEAMS_SSO_APP_ID: string;
  TEAMS_SSO_RESOURCE: string;
  DEVELOPER_NAME: string;
  DEVELOPER_WEBSITE_URL: string;
  DEVELOPER_PRIVACY_URL: string;
  DEVELOPER_TERMS_URL: string;
}

export interface PackageConfig {
  values: PackageValues;
  /** No TEAMS_APP_ID, MicrosoftAppId or BOT_DOMAIN: a package for local use only. */
  development: boolean;
  /** Variables that were not set and took a default, for the notice on stdout. */
  defaulted: string[];
}

/** Which variable each manifest field comes from, for messages that name what to fix. */
export const FIELD_VARIABLES: Readonly<Record<string, string>> = {
  '/id': 'TEAMS_APP_ID',
  '/bots/0/botId': 'MicrosoftAppId',
  '/composeExtensions/0/botId': 'MicrosoftAppId',
  '/validDomains/0': 'BOT_DOMAIN',
  '/version': 'APP_VERSION',
  '/webApplicationInfo/id': 'TEAMS_SSO_APP_ID',
  '/webApplicationInfo/resource': 'TEAMS_SSO_RESOURCE',
  '/developer/name': 'DEVELOPER_NAME',
  '/developer/websiteUrl': 'DEVELOPER_WEBSITE_URL',
  '/developer/privacyUrl': 'DEVELOPER_PRIVACY_URL',
  '/developer/termsOfUseUrl': 'DEVELOPER_TERMS_URL',
};

type Env = Record<string, string | undefined>;

/** The first api:// audience of TAB_SSO_AUDIENCE (a comma-separated list), if any. */
function ssoAudience(env: Env): string | undefined {
  return (env.TAB_SSO_AUDIENCE ?? '')
    .split(',')
    .map((a) => a.trim())
    .find((a) => a.startsWith('api://'));
}

export function readPackageConfig(env: Env, packageVersion: string): PackageConfig {
  const defaulted: string[] = [];
  const get = (name: string, fallback: string): string => {
    const value = (env[name] ?? '').trim();
    if (value) return value;
    defaulted.push(name);
    return fallback;
  };
  const TEAMS_APP_ID = get('TEAMS_APP_ID', DEV_TEAMS_APP_ID);
  const BOT_ID = get('MicrosoftAppId', DEV_BOT_ID);
  const BOT_DOMAIN = get('BOT_DOMAIN', DEV_DOMAIN);
  const TEAMS_SSO_APP_ID = get('TEAMS_SSO_APP_ID', BOT_ID);
  const values: PackageValues = {
    TEAMS_APP_ID,
    BOT_ID,
    BOT_DOMAIN,
    APP_VERSION: get('APP_VERSION', packageVersion),
    TEAMS_SSO_APP_ID,
    // The server checks SSO tokens against TAB_SSO_AUDIENCE: the same value, when it names an api:// URI.
    TEAMS_SSO_RESOURCE: get('TEAMS_SSO_RESOURCE', ssoAudience(env) ?? `api://${BOT_DOMAIN}/${TEAMS_SSO_APP_ID}`),
    DEVELOPER_NAME: get('DEVELOPER_NAME', 'MMD Assist'),
    DEVELOPER_WEBSITE_URL: get('DEVELOPER_WEBSITE_URL', `https://${BOT_DOMAIN}/`),
    DEVELOPER_PRIVACY_URL: get('DEVELOPER_PRIVACY_URL', `https://${BOT_DOMAIN}/privacy`),
    DEVELOPER_TERMS_URL: get('DEVELOPER_TERMS_URL', `https://${BOT_DOMAIN}/terms`),
  };
  const development = DEVELOPMENT_VARIABLES.some((name) => defaulted.includes(name));
  return { values, development, defaulted };
}
