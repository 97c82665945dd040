import pino from 'pino';
import { scrubKnownSecrets } from './secrets';

/**
 * Paths pino censors wherever they appear in a log object. Secrets also never reach a log
 * line by construction (errors are redacted at the boundary); this is the second fence.
 */
const REDACT_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'appPassword',
  '*.appPassword',
  'token',
  '*.token',
  'access_token',
  '*.access_token',
  'accessToken',
  '*.accessToken',
];

export type Logger = pino.Logger;

/**
 * The one shape of an error in a log line (pino's `err` serializer): log `{ err }` and this
 * decides. An error that describes itself for logs (`toJSON`, as ApiError does: no headers,
 * tokens or bodies) is that; any other Error is its type, message, code and stack, never its
 * other properties (a library's error may carry the request with its headers); anything else
 * is its text.
 */
function errorFields(err: unknown): unknown {
  if (err instanceof Error) {
    const toJSON = (err as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(err) as unknown;
    const code = (err as { code?: unknown }).code;
    return {
      type: err.name,
      message: err.message,
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      stack: err.stack,
    };
  }
  if (err !== null && typeof err === 'object') {
    const message = (err as { message?: unknown }).message;
    return { message: typeof message === 'string' ? message : 'a non-error object was thrown' };
  }
  return { message: String(err) };
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go (tests capture them); stdout by default. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'mmd-assist',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: undefined,
      serializers: { err: errorFields },
      // Third fence: known secret values (src/log/secrets.ts) wherever they sit in the line.
      hooks: { streamWrite: scrubKnownSecrets },
    },
    options.destination,
  );
}
