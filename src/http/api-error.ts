import { scrubKnownSecrets } from '../log/secrets';
import { inspect } from 'node:util';

/**
 * Stable codes besides the service's own `error.code`:
 * - `timeout`: no answer within the attempt's timeout (after the allowed retries).
 * - `deadline`: the caller's deadline came first (see `withDeadline`); nothing more was tried.
 * - `network`: the connection failed (refused, reset, DNS).
 * - `outcome_unknown`: a non-idempotent call failed after it may have reached the service.
 * - `token_error`: no access token could be obtained.
 * - `invalid_response`: the service answered something we cannot read (or a nextLink off the API root).
 * - `invalid_request`: refused before sending (an empty or dot-only name in a path segment).
 */
export type ApiErrorCode =
  | 'timeout'
  | 'deadline'
  | 'network'
  | 'outcome_unknown'
  | 'token_error'
  | 'invalid_response'
  | 'invalid_request'
  | 'too_large'
  | (string & Record<never, never>);

export interface ApiErrorInit {
  /** HTTP status; 0 when no answer came (network, timeout, token). */
  status: number;
  code: ApiErrorCode;
  serviceMessage: string | null;
  method: string;
  /** Path below the API root, without the query. */
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
 * echo them, but an error ends up in logs and cards, so we do not trust that.
 */
export function scrubSecrets(text: string): string {
  // Known secret values (src/log/secrets.ts) first, so a bare echo is caught too.
  return scrubKnownSecrets(text)
    .replace(/bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(\.[A-Za-z0-9_-]*)?/g, '[redacted-jwt]')
    .replace(/((?:client_secret|access_token|refresh_token|password|assertion)["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi, '$1[redacted]');
}

/** Service text shortened and scrubbed before it is kept on an error. */
function cleanServiceMessage(text: string): string {
  const scrubbed = scrubSecrets(text.trim());
  return scrubbed.length > MAX_SERVICE_MESSAGE ? `${scrubbed.slice(0, MAX_SERVICE_MESSAGE)}…` : scrubbed;
}

/**
 * The base of every outbound API error (octokit's RequestError, redacted by construction): it
 * holds no request headers, tokens or bodies; service text is scrubbed; `toJSON` and
 * `util.inspect` print only the fields below. Each API has a small subclass (`MmdApiError`,
 * `GraphApiError`) that names itself and words its default message.
 */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  /** The service's `error.message` (scrubbed, truncated), or null. */
  readonly serviceMessage: string | null;
  readonly method: string;
  readonly path: string;
  /** Whether trying again later may help (shown on the error card). */
  readonly retryable: boolean;
  readonly correlationId?: string;
  readonly retryAfterMs: number | null;
  readonly notSent: boolean;
  readonly detail?: string;

  constructor(init: ApiErrorInit, describe: (init: ApiErrorInit, serviceMessage: string | null) => string = genericMessage) {
    const serviceMessage = init.serviceMessage === null ? null : cleanServiceMessage(init.serviceMessage);
    super(scrubSecrets(init.message ?? describe(init, serviceMessage)));
    this.status = init.status;
    this.code = init.code;
    this.serviceMessage = serviceMessage;
    this.method = init.method;
    this.path = scrubSecrets(init.path);
    this.retryable = init.retryable;
    if (init.correlationId) this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.notSent = init.notSent ?? false;
    if (init.detail) this.detail = scrubSecrets(init.detail).slice(0, 100);
  }

  /** Names the service in messages ("MMD", "Graph"); subclasses override. */
  get service(): string {
    return 'API';
  }

  /** A copy of the same class with some fields changed (retry turns a failure into outcome_unknown). */
  with(changes: Partial<ApiErrorInit>): this {
    return this.copy({ ...this.init(), ...changes }) as this;
  }

  /** Subclasses build themselves here, so `with()` keeps the class. */
  protected copy(init: ApiErrorInit): ApiError {
    return new ApiError(init);
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
    return `${this.name} ${JSON.stringify(this.toJSON())}\n${(this.stack ?? '').split('\n').slice(1).join('\n')}`;
  }

  /** The fields as given (message excluded: a copy words its own). */
  init(): ApiErrorInit {
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

function genericMessage(init: ApiErrorInit, serviceMessage: string | null): string {
  return `${init.method} ${init.path} failed (${init.code}${init.status ? `, ${init.status}` : ''})${serviceMessage ? `: ${serviceMessage}` : ''}`;
}

/**
 * How one API words and classifies its failures: the shared stack builds errors through this,
 * so each client throws its own class.
 */
export interface ApiProfile {
  /** Names the service in messages: "MMD", "Graph". */
  service: string;
  create(init: ApiErrorInit): ApiError;
  /** Is this an error of this API's class (and so already worded for it)? */
  owns(error: ApiError): boolean;
  /** The code of an HTTP failure whose body names none. */
  codeForStatus(status: number): string;
  /** Keep a non-JSON error body (truncated, scrubbed) as the service message? */
  keepRawErrorText: boolean;
  /** Whether trying again later may help, by status (the error card says so). */
  retryableStatus(status: number): boolean;
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
