import { DEV_BOT_ID, DEV_TEAMS_APP_ID, readPackageConfig } from '../../scripts/app-package/package-config';
import { fillTemplate, TemplateError } from '../../scripts/app-package/fill-template';

test('nothing set: a development package with fixed ids, localhost and the package.json version', () => {
  const config = readPackageConfig({}, '0.1.0');
  expect(config.development).toBe(true);
  expect(config.values).toEqual({
    TEAMS_APP_ID: DEV_TEAMS_APP_ID,
    BOT_ID: DEV_BOT_ID,
    BOT_DOMAIN: 'localhost',
    APP_VERSION: '0.1.0',
    TEAMS_SSO_APP_ID: DEV_BOT_ID,
    TEAMS_SSO_RESOURCE: `api://localhost/${DEV_BOT_ID}`,
    DEVELOPER_NAME: 'MMD Assist',
    DEVELOPER_WEBSITE_URL: 'https://localhost/',
    DEVELOPER_PRIVACY_URL: 'https://localhost/privacy',
    DEVELOPER_TERMS_URL: 'https://localhost/terms',
  });
});

test('the app id, the bot id (MicrosoftAppId) and the domain make it a real package; values are trimmed', () => {
  const config = readPackageConfig(
    {
      TEAMS_APP_ID: ' 2f0a4c53-8e1b-4d7a-9a43-6b1e5f2c9d10 ',
      MicrosoftAppId: '8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
      BOT_DOMAIN: 'bot.contoso.com',
    },
    '0.1.0',
  );
  expect(config.development).toBe(false);
  expect(config.values.TEAMS_APP_ID).toBe('2f0a4c53-8e1b-4d7a-9a43-6b1e5f2c9d10');
  expect(config.values.TEAMS_SSO_RESOURCE).toBe('api://bot.contoso.com/8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e');
  expect(config.defaulted).not.toContain('MicrosoftAppId');
});

test('fillTemplate: whole-string placeholders take any JSON, embedded ones text only, unknown ones fail', () => {
  expect(fillTemplate({ a: '{{LIST}}', b: 'x-{{NAME}}-y', c: 3 }, { LIST: [1, 2], NAME: 'n' })).toEqual({ a: [1, 2], b: 'x-n-y', c: 3 });
  expect(() => fillTemplate({ a: ['{{MISSING}}'] }, {})).toThrow(new TemplateError('/a/0: unknown placeholder {{MISSING}}'));
  expect(() => fillTemplate({ a: 'x{{LIST}}' }, { LIST: [1] })).toThrow(TemplateError);
  // A value is data: quotes or braces in it cannot change the JSON around it.
  expect(fillTemplate({ a: 'v={{NAME}}' }, { NAME: '", "id": "{{X}}' })).toEqual({ a: 'v=", "id": "{{X}}' });
});
