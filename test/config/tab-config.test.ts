import { ConfigError } from '../../src/config/config-error';
import { loadConfig } from '../../src/config/config';

const live = { ALLOW_UNAUTHENTICATED: 'true', MMD_API_BASE_URL: 'https://mmd.example/support/odata/v1/', MMD_TENANT_ID: 'tid-1', MMD_CLIENT_ID: 'app-1', MMD_CLIENT_SECRET: 's' };

test('defaults: app context; sandbox audience is api://localhost/<client id> plus the bare id', () => {
  const config = loadConfig({});
  expect(config.tab.mmdAuth).toBe('app');
  expect(config.tab.audiences).toEqual(['api://localhost/sandbox-client', 'sandbox-client']);
  expect(config.tab.tenantIds).toEqual([config.mmd.tenantId]);
});

test('live: the audience comes from TAB_SSO_AUDIENCE; without it the tab API is off', () => {
  expect(loadConfig(live).tab.audiences).toEqual([]);
  const config = loadConfig({ ...live, TAB_SSO_AUDIENCE: 'api://bot.contoso.com/app-1', MMD_AUTH: 'USER' });
  expect(config.tab.audiences).toEqual(['api://bot.contoso.com/app-1', 'app-1']);
  expect(config.tab.mmdAuth).toBe('user');
  expect(config.tab.tenantIds).toEqual(['tid-1']);
});

test('bad values name the variable', () => {
  expect(() => loadConfig({ MMD_AUTH: 'both' })).toThrow(ConfigError);
  expect(() => loadConfig({ MMD_AUTH: 'both' })).toThrow(/MMD_AUTH/);
  expect(() => loadConfig({ TAB_SSO_AUDIENCE: 'https://bot.contoso.com' })).toThrow(/TAB_SSO_AUDIENCE/);
  expect(() => loadConfig({ TAB_SSO_METADATA_URL: 'file:///etc/passwd' })).toThrow(/TAB_SSO_METADATA_URL/);
});
