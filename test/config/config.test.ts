import { loadConfig, SANDBOX_TENANT_ID, DEFAULT_SCOPE } from '../../src/config/config';
import { ConfigError } from '../../src/config/config-error';

describe('loadConfig', () => {
  it('defaults to sandbox mode with SQLite storage and the documented scope', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.port).toBe(3978);
    expect(config.storage).toEqual({ kind: 'sqlite', path: './data/mmd-assist.sqlite' });
    expect(config.mmd.scope).toBe(DEFAULT_SCOPE);
    expect(config.mmd.tenantId).toBe(SANDBOX_TENANT_ID);
    expect(config.mmd.authorityHost).toBe('https://login.microsoftonline.com');
    expect(config.mmd.graphBaseUrl).toBe('https://graph.microsoft.com');
    expect(config.bot.appId).toBe('');
    expect(config.logLevel).toBe('info');
  });

  it('switches to live mode with MMD_API_BASE_URL and falls back to the bot identity', () => {
    const config = loadConfig({
      MMD_API_BASE_URL: 'https://mmdls.microsoft.com/support/odata/v1',
      MMD_TENANT_ID: 'tenant-a',
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'app-secret',
    });
    expect(config.mode).toBe('live');
    expect(config.mmd.baseUrl).toBe('https://mmdls.microsoft.com/support/odata/v1/');
    expect(config.mmd.clientId).toBe('app-id');
    expect(config.mmd.clientSecret).toBe('app-secret');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ STORAGE: 'postgres:x' }, 'STORAGE'],
    [{ STORAGE: 'sqlite:' }, 'STORAGE'],
    [{ STORAGE: 'azure-blob' }, 'AZURE_STORAGE_CONNECTION_STRING'],
    [{ STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_CONTAINER: 'Bad_Name' }, 'AZURE_STORAGE_CONTAINER'],
    [{ MMD_API_BASE_URL: 'not a url' }, 'MMD_API_BASE_URL'],
    [{ MMD_API_BASE_URL: 'ftp://x' }, 'MMD_API_BASE_URL'],
    [{ MMD_API_BASE_URL: 'https://x' }, 'MMD_TENANT_ID'],
    [{ MMD_API_BASE_URL: 'https://x', MMD_TENANT_ID: 't' }, 'MMD_CLIENT_ID'],
    [{ MMD_API_BASE_URL: 'https://x', MMD_TENANT_ID: 't', MMD_CLIENT_ID: 'c' }, 'MMD_CLIENT_SECRET'],
    [{ MicrosoftAppType: 'Other' }, 'MicrosoftAppType'],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'a' }, 'MicrosoftAppTenantId'],
    [{ ELEVATION_REVEAL_SECONDS: '0' }, 'ELEVATION_REVEAL_SECONDS'],
  ])('rejects %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
  });

  it('never echoes a value in its error, which may be a secret', () => {
    try {
      loadConfig({ MMD_API_BASE_URL: 'https://user:hunter2@x', PORT: 'hunter2' });
      throw new Error('should have thrown');
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('reads the elevation admin allow-list, lower-cased', () => {
    const config = loadConfig({ ELEVATION_ADMINS: 'Admin@Contoso.com, 1111-2222 ;x@y.z', ELEVATION_ADMIN_GROUP_ID: 'g1' });
    expect(config.elevation.admins).toEqual(['admin@contoso.com', '1111-2222', 'x@y.z']);
    expect(config.elevation.adminGroupId).toBe('g1');
    expect(config.elevation.revealSeconds).toBe(300);
  });

  it('reads the notifier settings, with defaults and bounds', () => {
    expect(loadConfig({}).notify).toEqual({ pollSeconds: 60, maxPerSecond: 50 });
    expect(loadConfig({ NOTIFY_POLL_SECONDS: '300', NOTIFY_MAX_PER_SECOND: '20' }).notify).toEqual({ pollSeconds: 300, maxPerSecond: 20 });
    expect(() => loadConfig({ NOTIFY_MAX_PER_SECOND: '51' })).toThrow(ConfigError);
    expect(() => loadConfig({ NOTIFY_POLL_SECONDS: '1' })).toThrow(ConfigError);
  });
});
