import pino from 'pino';
import { scrubKnownSecrets } from './secrets';

/**
 * Paths pino censors wherever they appear in a log object. Secrets also never reach a log
 * line by construction (errors are redacted at the boundary); this is the second fence.
 */
export const REDACT_PATHS = [
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
      // Third fence: known secret values (src/log/secrets.ts) wherever they sit in the line.
      hooks: { streamWrite: scrubKnownSecrets },
    },
    options.destination,
  );
}
