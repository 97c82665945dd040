import { ConfigError } from '../../src/config/config-error';
import { loadConfig } from '../../src/config/config';

const live = {
  ALLOW_UNAUTHENTICATED: 'true',
  MMD_API_BASE_URL: 'https://mmd.example/support/odata/v1/',
  MMD_TENANT_ID: 'tid-1',
  MMD_CLIENT_ID: 'app-1',
  MMD_CLIENT_SECRET: 's',
};

test('defaults: app context; sandbox audience is api://localhost/<client id> plus the bare id', () => {
  const config = loadConfig({});
  expect(config.tab.mmdAuth).toBe('app');
  expect(config.tab.audiences).toEqual(['api://localhost/sandbox-client', 'sandbox-client']);
  expect(config.tab.tenantIds).toEqual([config.mmd.tenantId]);
});

test('live: the audience comes from TAB_SSO_AUDIENCE; without it the tab API is off', () => {
  expect(loadConfig(live).tab.audiences).toEqual([]);
  const config = loadConfig({
    ...live,
    TAB_SSO_AUDIENCE: 'api://bot.contoso.com/app-1',
    MMD_AUTH: 'USER',
    OAUTH_CONNECTION_NAME: 'mmd-sso',
  });
  expect(config.tab.audiences).toEqual(['api://bot.contoso.com/app-1', 'app-1']);
  expect(config.tab.mmdAuth).toBe('user');
  expect(config.tab.tenantIds).toEqual(['tid-1']);
  expect(config.bot.oauthConnectionName).toBe('mmd-sso');
});

test('MMD_AUTH=user: live mode needs the OAuth connection; sandbox names one; app context reads none', () => {
  expect(() => loadConfig({ ...live, MMD_AUTH: 'user' })).toThrow(/OAUTH_CONNECTION_NAME/);
  expect(() => loadConfig({ ...live, MMD_AUTH: 'user', OAUTH_CONNECTION_NAME: 'a/b' })).toThrow(/OAUTH_CONNECTION_NAME/);
  expect(loadConfig({ MMD_AUTH: 'user' }).bot.oauthConnectionName).toBe('mmd-assist-sso');
  expect(loadConfig({ ...live, OAUTH_CONNECTION_NAME: 'mmd-sso' }).bot.oauthConnectionName).toBeUndefined();
  expect(loadConfig({ MMD_AUTH: 'user', OAuthUrl: 'https://token.botframework.azure.us/' }).bot.oauthUrl).toBe(
    'https://token.botframework.azure.us',
  );
  expect(() => loadConfig({ OAuthUrl: 'ftp://x' })).toThrow(/OAuthUrl/);
});

test('bad values name the variable', () => {
  expect(() => loadConfig({ MMD_AUTH: 'both' })).toThrow(ConfigError);
  expect(() => loadConfig({ MMD_AUTH: 'both' })).toThrow(/MMD_AUTH/);
  expect(() => loadConfig({ TAB_SSO_AUDIENCE: 'https://bot.contoso.com' })).toThrow(/TAB_SSO_AUDIENCE/);
  expect(() => loadConfig({ TAB_SSO_METADATA_URL: 'file:///etc/passwd' })).toThrow(/TAB_SSO_METADATA_URL/);
});
