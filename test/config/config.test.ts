import { loadConfig, SANDBOX_TENANT_ID } from '../../src/config/config';
import { DEFAULT_SCOPE } from '../../src/config/variables';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { ConfigError } from '../../src/config/config-error';

describe('loadConfig', () => {
  it('defaults to sandbox mode with its state in memory (one lifetime with the emulator data) and the documented scope', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.port).toBe(3978);
    expect(config.storage).toEqual({ kind: 'memory' });
    expect(loadConfig({ STORAGE: 'sqlite:./x.sqlite' }).storage).toEqual({ kind: 'sqlite', path: './x.sqlite' });
    expect(
      loadConfig({
        MMD_API_BASE_URL: 'https://mmdls.microsoft.com/support/odata/v1',
        MMD_TENANT_ID: 't',
        MicrosoftAppId: 'a',
        MicrosoftAppPassword: 'p',
      }).storage,
    ).toEqual({
      kind: 'sqlite',
      path: './data/mmd-assist.sqlite',
    });
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
    [{ PLAYGROUND_PORT: 'abc' }, 'PLAYGROUND_PORT'],
    [{ PLAYGROUND_PORT: '0' }, 'PLAYGROUND_PORT'],
    [{ HOST: 'http://0.0.0.0' }, 'HOST'],
    [{ HOST: '127.0.0.1:3978' }, 'HOST'],
    [{ HOST: 'a b' }, 'HOST'],
    [{ ALLOW_UNAUTHENTICATED: 'yes' }, 'ALLOW_UNAUTHENTICATED'],
    [{ MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppId'],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'a', MicrosoftAppTenantId: 't' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppType: 'UserAssignedMSI' }, 'MicrosoftAppId'],
    [{ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'a' }, 'MicrosoftAppTenantId'],
    [
      { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'a', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'p' },
      'MicrosoftAppPassword',
    ],
    [{ MMD_API_BASE_URL: 'https://x', MMD_TENANT_ID: 't', MMD_CLIENT_ID: 'c', MMD_CLIENT_SECRET: 's' }, 'MicrosoftAppId'],
  ])('rejects %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
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
    expect(loadConfig({}).notify).toEqual({ pollSeconds: 60, maxPerSecond: 50, notesPerPoll: 20 });
    expect(loadConfig({ NOTIFY_POLL_SECONDS: '300', NOTIFY_MAX_PER_SECOND: '20', NOTIFY_NOTES_PER_POLL: '5' }).notify).toEqual({
      pollSeconds: 300,
      maxPerSecond: 20,
      notesPerPoll: 5,
    });
    expect(() => loadConfig({ NOTIFY_MAX_PER_SECOND: '51' })).toThrow(ConfigError);
    expect(() => loadConfig({ NOTIFY_POLL_SECONDS: '1' })).toThrow(ConfigError);
  });

  const live = { MMD_API_BASE_URL: 'https://x', MMD_TENANT_ID: 't', MMD_CLIENT_ID: 'c', MMD_CLIENT_SECRET: 's' };

  it('refuses live mode without an app id in one line that names the way out', () => {
    expect(() => loadConfig(live)).toThrow(/^Configuration error: MicrosoftAppId is required .*ALLOW_UNAUTHENTICATED=true[^\n]*$/);
  });

  it('runs live mode without inbound auth only when asked, on loopback unless HOST says otherwise', () => {
    const config = loadConfig({ ...live, ALLOW_UNAUTHENTICATED: 'true' });
    expect(config.allowUnauthenticated).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(loadConfig({ ...live, ALLOW_UNAUTHENTICATED: 'TRUE', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('listens on all interfaces when inbound auth is on, on loopback in sandbox mode, and where HOST says', () => {
    expect(loadConfig({ ...live, MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' }).host).toBeUndefined();
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ MicrosoftAppId: 'app', HOST: 'localhost' }).host).toBe('localhost');
  });

  it('reads PLAYGROUND_PORT like every other number', () => {
    expect(loadConfig({}).playgroundPort).toBe(56150);
    expect(loadConfig({ PLAYGROUND_PORT: '4000' }).playgroundPort).toBe(4000);
  });

  it('accepts MicrosoftAppType in any case, spelled the way botbuilder wants', () => {
    expect(
      loadConfig({ MicrosoftAppType: 'singletenant', MicrosoftAppId: 'a', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'p' }).bot
        .appType,
    ).toBe('SingleTenant');
  });

  // Every identity our check lets through builds botbuilder's credential factory without its
  // assertions firing: a mistake is always our one-line ConfigError, never botbuilder's.
  const values = { id: ['', 'app'], tenant: ['', 'tenant'], password: ['', 'pw'] };
  const combos = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].flatMap((type) =>
    values.id.flatMap((id) => values.tenant.flatMap((tenant) => values.password.map((password) => ({ type, id, tenant, password })))),
  );
  it.each(combos)('identity %j: a ConfigError, or a credential factory that builds', ({ type, id, tenant, password }) => {
    const env = { MicrosoftAppType: type, MicrosoftAppId: id, MicrosoftAppTenantId: tenant, MicrosoftAppPassword: password };
    let config;
    try {
      config = loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return;
    }
    expect(
      () =>
        new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppType: config.bot.appType,
          MicrosoftAppTenantId: config.bot.appTenantId || undefined,
        }),
    ).not.toThrow();
  });
});
