import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/config-error';

describe('BOT_DOMAIN', () => {
  it("is the bot's host name (lower-cased, a port allowed), or unset", () => {
    expect(loadConfig({ BOT_DOMAIN: 'MMD-Assist.azurewebsites.net' }).bot.domain).toBe('mmd-assist.azurewebsites.net');
    expect(loadConfig({ BOT_DOMAIN: 'localhost:3978' }).bot.domain).toBe('localhost:3978');
    expect(loadConfig({}).bot.domain).toBeUndefined();
  });

  it.each(['https://mmd-assist.azurewebsites.net', 'mmd-assist.azurewebsites.net/api', 'a b', '-bad.example'])('refuses %s', (value) => {
    let error: unknown;
    try {
      loadConfig({ BOT_DOMAIN: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('BOT_DOMAIN');
  });
});
