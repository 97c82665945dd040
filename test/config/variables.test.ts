import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { variables } from '../../src/config/variables';
import { readmeVariables } from '../deployment/settings-check';

/** docs/configuration.md's table against the one schema of environment variables (src/config/variables.ts). */
const documented = readmeVariables(readFileSync(join(__dirname, '..', '..', 'docs', 'configuration.md'), 'utf8'));
const schema = Object.keys(variables.shape);

/** Documented in the same table but read outside loadConfig, each with where. */
const READ_ELSEWHERE: Record<string, string> = {
  OTEL_SERVICE_NAME: 'OpenTelemetry reads it itself (src/telemetry)',
};

test('every variable of the schema has its row in docs/configuration.md, and a one-line meaning', () => {
  expect(schema.filter((name) => !documented.includes(name))).toEqual([]);
  for (const [name, field] of Object.entries(variables.shape)) expect([name, (field.description ?? '').length > 5]).toEqual([name, true]);
});

test('every row of the table is a variable of the schema, or says where else it is read', () => {
  expect(documented.filter((name) => !schema.includes(name) && !(name in READ_ELSEWHERE))).toEqual([]);
});

test('defaults come from the schema: an empty environment parses', () => {
  const parsed = variables.parse({});
  expect(parsed).toMatchObject({
    PORT: 3978,
    LOG_LEVEL: 'info',
    MMD_AUTH: 'app',
    NOTIFY_NOTES_PER_POLL: 20,
    AAD_AUTHORITY_HOST: 'https://login.microsoftonline.com',
  });
});
