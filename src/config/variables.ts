import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_ROLES } from './roles';

/**
 * Every environment variable the bot reads: its parser, its default and one line on what it
 * means. `loadConfig` (config.ts) turns the parsed values into the AppConfig; the table in
 * docs/configuration.md is tested against this list.
 */

/** An unset or blank variable is missing; anything else is read trimmed. */
const given = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

const text = (meaning: string) => z.preprocess(given, z.string().optional()).describe(meaning);

const textOr = (fallback: string, meaning: string) => z.preprocess(given, z.string().default(fallback)).describe(meaning);

const wholeNumber = (fallback: number, min: number, max: number, meaning: string) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .preprocess(
      given,
      z.string().regex(/^\d+$/, { error }).transform(Number).pipe(z.number().min(min, { error }).max(max, { error })).default(fallback),
    )
    .describe(meaning);
};

const urlText = z
  .string()
  .refine((value) => URL.canParse(value), { error: 'is not a valid URL', abort: true })
  .refine((value) => /^https?:$/.test(new URL(value).protocol), { error: 'must be an http(s) URL' });

const httpUrl = (meaning: string) => z.preprocess(given, urlText.optional()).describe(meaning);

/** An http(s) URL without a trailing slash, `fallback` when unset. */
const httpUrlOr = (fallback: string, meaning: string) =>
  z
    .preprocess(
      given,
      urlText.default(fallback).transform((v) => v.replace(/\/+$/, '')),
    )
    .describe(meaning);

/** One of `values`, any case; the canonical spelling comes out, `fallback` when unset. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number], error: string, meaning: string) =>
  z
    .preprocess(
      (value) => {
        const raw = given(value);
        return raw === undefined ? fallback : (values.find((v) => v.toLowerCase() === raw.toLowerCase()) ?? raw);
      },
      z.enum(values, { error }),
    )
    .describe(meaning);

/** Comma, semicolon or space separated, lower-cased. */
const lowerList = (meaning: string) =>
  z
    .preprocess(
      (value) =>
        (given(value) ?? '')
          .split(/[,;\s]+/)
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      z.array(z.string()),
    )
    .describe(meaning);

const hostName = (value: string) => /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/.test(value) && value.length <= 253;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const DEFAULT_SCOPE = 'https://mwaas-services-customerapi-prod.azurewebsites.net/.default';

export const variables = z.object({
  MicrosoftAppId: textOr('', "the bot's app id (inbound auth); empty: inbound auth off"),
  MicrosoftAppPassword: textOr('', "the bot's app password"),
  MicrosoftAppType: oneOf(
    ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'],
    'MultiTenant',
    'must be MultiTenant, SingleTenant or UserAssignedMSI',
    "the bot's app type",
  ),
  MicrosoftAppTenantId: textOr('', "the bot's tenant (SingleTenant, UserAssignedMSI)"),
  MMD_API_BASE_URL: httpUrl('MMD API root; unset = sandbox mode'),
  MMD_TENANT_ID: text("the tenant's Entra id (required with MMD_API_BASE_URL)"),
  MMD_CLIENT_ID: text("app registration for the MMD API and Graph (default: the bot's id)"),
  MMD_CLIENT_SECRET: text("its client secret (default: the bot's password)"),
  ALLOW_UNAUTHENTICATED: z
    .preprocess(
      (value) => given(value)?.toLowerCase() ?? 'false',
      z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true'),
    )
    .describe('live mode without inbound auth, for a local test only'),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info', `must be one of ${LOG_LEVELS.join(', ')}`, 'pino log level'),
  PORT: wholeNumber(3978, 0, 65535, 'HTTP port of the bot'),
  HOST: z
    .preprocess(
      given,
      z
        .string()
        .refine((value) => isIP(value) !== 0 || hostName(value), {
          error: 'must be an IP address or a host name (e.g. 0.0.0.0, ::, 127.0.0.1)',
        })
        .optional(),
    )
    .describe('listen address (default: all interfaces with inbound auth, 127.0.0.1 without)'),
  PLAYGROUND_PORT: wholeNumber(56150, 1, 65535, "npm run dev only: the Agents Playground's port"),
  BOT_DOMAIN: z
    .preprocess(
      (value) => given(value)?.toLowerCase(),
      z
        .string()
        .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/, {
          error: 'must be a host name only, e.g. mmd-assist.azurewebsites.net (no https://, no path)',
        })
        .optional(),
    )
    .describe("the bot's public host name: links to it unfurl into cards"),
  OAUTH_CONNECTION_NAME: z
    .preprocess(
      given,
      z
        .string()
        .regex(/^[\w .-]{1,100}$/, { error: 'must be the OAuth connection name of the Azure Bot (letters, digits, space, . _ -)' })
        .optional(),
    )
    .describe("MMD_AUTH=user: the Azure Bot's OAuth connection for Teams SSO in chat"),
  OAuthUrl: httpUrl('MMD_AUTH=user: the Bot Framework token service'),
  MMD_SCOPE: textOr(DEFAULT_SCOPE, 'token scope of the MMD API'),
  AAD_AUTHORITY_HOST: httpUrlOr('https://login.microsoftonline.com', 'identity platform host'),
  AAD_TOKEN_ENDPOINT: httpUrl('override of the token endpoint (sandbox and tests)'),
  GRAPH_BASE_URL: httpUrlOr('https://graph.microsoft.com', 'Microsoft Graph root'),
  MMD_TIMEOUT_MS: wholeNumber(10_000, 100, 120_000, 'time limit of one MMD API call'),
  API_MAX_ANSWER_MB: wholeNumber(8, 1, 256, 'the largest answer read from MMD, Graph or a token endpoint, in MB'),
  STORAGE: text('sqlite:<path>, memory or azure-blob (default: SQLite in live mode, memory in sandbox mode)'),
  AZURE_STORAGE_CONNECTION_STRING: text('with STORAGE=azure-blob: the storage account'),
  AZURE_STORAGE_CONTAINER: textOr('mmd-assist', 'with STORAGE=azure-blob: the container'),
  APPLICATIONINSIGHTS_CONNECTION_STRING: text('turns on telemetry to Application Insights'),
  ELEVATION_ADMINS: lowerList('who has the elevation-admin role: Entra object ids and/or UPNs'),
  ELEVATION_ADMIN_GROUP_ID: text('an Entra group whose members have the elevation-admin role'),
  BOT_ADMINS: lowerList('who has the bot-admin role (audit, subscribe all): Entra object ids and/or UPNs'),
  BOT_ADMIN_GROUP_ID: text('an Entra group whose members have the bot-admin role'),
  ELEVATION_REVEAL_SECONDS: wholeNumber(300, 1, 3600, 'how long a revealed password stays visible'),
  OPERATORS: lowerList('who has the operator role: Entra object ids and/or UPNs'),
  OPERATOR_GROUP_ID: text('an Entra group whose members have the operator role'),
  DEFAULT_ROLE: z
    .preprocess((value) => given(value)?.toLowerCase(), z.enum(DEFAULT_ROLES, { error: 'must be reader, operator or admin' }).optional())
    .describe('the role of everyone else (default reader; admin, every role, in an unconfigured sandbox)'),
  ALLOWED_TENANT_IDS: lowerList('Entra tenants whose users may use the bot (default: the MMD tenant; * = any, sandbox only)'),
  NOTIFY_POLL_SECONDS: wholeNumber(60, 5, 86_400, 'how often the notifier lists tickets'),
  NOTIFY_MAX_PER_SECOND: wholeNumber(50, 1, 50, 'overall proactive sends per second'),
  NOTIFY_NOTES_PER_POLL: wholeNumber(20, 1, 1000, 'notes fetches per poll for followed tickets'),
  MMD_AUTH: oneOf(['app', 'user'], 'app', 'must be app or user', "whose token MMD calls carry: the app's or the signed-in user's"),
  TAB_SSO_AUDIENCE: z
    .preprocess(
      given,
      z
        .string()
        .regex(/^api:\/\/[^/\s]+\/[^\s]+$/, { error: 'must be the app id URI, api://<domain>/<app id>' })
        .optional(),
    )
    .describe('the app id URI Teams SSO tokens are issued for'),
  TAB_SSO_METADATA_URL: httpUrl('OpenID metadata whose keys sign SSO tokens'),
  TAB_DEV_USER_UPN: textOr('alex.wilber@contoso.example', 'sandbox only: the admin the development SSO token names'),
  TAB_DEV_USER_NAME: textOr('Alex Wilber', 'sandbox only: that admin’s name'),
});

export type Variables = z.output<typeof variables>;
