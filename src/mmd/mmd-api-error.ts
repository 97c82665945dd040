import { inspect } from 'node:util';
import { scrubKnownSecrets } from '../log/secrets';

/**
 * Stable codes besides the service's own `error.code` ("404", "403", ...):
 * - `timeout`: no answer within timeoutMs (after the allowed retries).
 * - `network`: the connection failed (refused, reset, DNS).
 * - `outcome_unknown`: a non-idempotent call (create ticket, create elevation, add note) failed
 *   after it may have reached the service; it may or may not have taken effect.
 * - `token_error`: no access token could be obtained.
 * - `invalid_response`: the service answered something we cannot read (or a nextLink off the API root).
 * - `invalid_request`: refused before sending (an empty or dot-only name in a path segment).
 * HTTP failures carry the service's `error.code` ("404"), or the status as a string without one.
 */
export type MmdErrorCode =
  | 'timeout'
  | 'network'
  | 'outcome_unknown'
  | 'token_error'
  | 'invalid_response'
  | 'invalid_request'
  | (string & Record<never, never>);

export interface MmdApiErrorInit {
  status: number;
  code: MmdErrorCode;
  serviceMessage: string | null;
  method: string;
  path: string;
  retryable: boolean;
  correlationId?: string;
  /** Server-asked wait in ms (Retry-After), used by the retry layer. */
  retryAfterMs?: number | null;
  /** True when the request provably never reached the service (connection refused, DNS). */
  notSent?: boolean;
  /** Short technical detail (an errno like ECONNRESET); never a header or body. */
  detail?: string;
  message?: string;
}

const MAX_SERVICE_MESSAGE = 500;

/**
 * Strips anything that looks like a credential from text that came from outside (a service
 * body, a library message): bearer tokens, JWTs, `client_secret=...`. The service should never
 * echo them, but an error ends up in logs and cards, so we do not trust that. Known secret
 * values (src/log/secrets.ts) go first, so a bare echo is caught too.
 */
export function scrubSecrets(text: string): string {
  return scrubKnownSecrets(text)
    .replace(/bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(\.[A-Za-z0-9_-]*)?/g, '[redacted-jwt]')
    .replace(/((?:client_secret|access_token|refresh_token|password|assertion)["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi, '$1[redacted]');
}

/** Service text shortened and scrubbed before it is kept on an error. */
export function cleanServiceMessage(text: string): string {
  const scrubbed = scrubSecrets(text.trim());
  return scrubbed.length > MAX_SERVICE_MESSAGE ? `${scrubbed.slice(0, MAX_SERVICE_MESSAGE)}…` : scrubbed;
}

/**
 * The one error every MMD call throws. It holds no request headers, tokens or bodies by
 * construction; `toJSON` and `util.inspect` print only the fields below.
 */
export class MmdApiError extends Error {
  override readonly name = 'MmdApiError';
  /** HTTP status; 0 when no answer came (network, timeout, token). */
  readonly status: number;
  readonly code: MmdErrorCode;
  /** The service's `error.message`, or its raw text (truncated) when not JSON. */
  readonly serviceMessage: string | null;
  readonly method: string;
  /** Path below the API root, without the query. */
  readonly path: string;
  /** Whether trying again later may help (shown on the error card). */
  readonly retryable: boolean;
  readonly correlationId?: string;
  readonly retryAfterMs: number | null;
  readonly notSent: boolean;
  readonly detail?: string;

  constructor(init: MmdApiErrorInit) {
    const serviceMessage = init.serviceMessage === null ? null : cleanServiceMessage(init.serviceMessage);
    super(init.message ?? defaultMessage(init, serviceMessage));
    this.status = init.status;
    this.code = init.code;
    this.serviceMessage = serviceMessage;
    this.method = init.method;
    this.path = init.path;
    this.retryable = init.retryable;
    if (init.correlationId) this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.notSent = init.notSent ?? false;
    if (init.detail) this.detail = scrubSecrets(init.detail).slice(0, 100);
  }

  /** A copy with some fields changed (the retry layer turns a failure into outcome_unknown). */
  with(changes: Partial<MmdApiErrorInit>): MmdApiError {
    return new MmdApiError({ ...this.init(), ...changes });
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      serviceMessage: this.serviceMessage,
      method: this.method,
      path: this.path,
      retryable: this.retryable,
      correlationId: this.correlationId,
      detail: this.detail,
    };
  }

  [inspect.custom](): string {
    return `MmdApiError ${JSON.stringify(this.toJSON())}\n${(this.stack ?? '').split('\n').slice(1).join('\n')}`;
  }

  private init(): MmdApiErrorInit {
    return {
      status: this.status,
      code: this.code,
      serviceMessage: this.serviceMessage,
      method: this.method,
      path: this.path,
      retryable: this.retryable,
      correlationId: this.correlationId,
      retryAfterMs: this.retryAfterMs,
      notSent: this.notSent,
      detail: this.detail,
    };
  }
}

function defaultMessage(init: MmdApiErrorInit, serviceMessage: string | null): string {
  const what = `MMD ${init.method} ${init.path}`;
  switch (init.code) {
    case 'timeout':
      return `${what} timed out`;
    case 'network':
      return `${what} failed: network error${init.detail ? ` (${init.detail})` : ''}`;
    case 'token_error':
      return `MMD access token could not be obtained${serviceMessage ? `: ${serviceMessage}` : ''}`;
    case 'outcome_unknown':
      return `${what}: the outcome is unknown; the request may or may not have taken effect`;
    case 'invalid_response':
      return `${what} returned an unreadable response${serviceMessage ? `: ${serviceMessage}` : ''}`;
    default:
      return `${what} failed with ${init.status}${serviceMessage ? `: ${serviceMessage}` : ''}`;
  }
}

export function isMmdApiError(value: unknown): value is MmdApiError {
  return value instanceof MmdApiError;
}
