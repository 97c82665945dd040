import { inspect } from 'node:util';
import { cleanServiceMessage, scrubSecrets } from '../mmd/mmd-api-error';

/**
 * Stable codes besides Graph's own `error.code` (`Request_ResourceNotFound`, ...):
 * `timeout`, `network`, `token_error`, `invalid_response`, `http_error`.
 */
export type GraphErrorCode = 'timeout' | 'network' | 'token_error' | 'invalid_response' | 'http_error' | (string & Record<never, never>);

export interface GraphApiErrorInit {
  /** HTTP status; 0 when no answer came (network, timeout, token). */
  status: number;
  code: GraphErrorCode;
  serviceMessage: string | null;
  method: string;
  /** Path below the Graph root, without the query. */
  path: string;
  retryable: boolean;
  /** Graph's request-id, for a support case. */
  correlationId?: string;
  /** Server-asked wait in ms (Retry-After). */
  retryAfterMs?: number | null;
}

/**
 * The one error every Graph call throws. Like MmdApiError it holds no headers, tokens or bodies
 * by construction; `toJSON` and `util.inspect` print only the fields below.
 */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  readonly status: number;
  readonly code: GraphErrorCode;
  readonly serviceMessage: string | null;
  readonly method: string;
  readonly path: string;
  readonly retryable: boolean;
  readonly correlationId?: string;
  readonly retryAfterMs: number | null;

  constructor(init: GraphApiErrorInit) {
    const serviceMessage = init.serviceMessage === null ? null : cleanServiceMessage(init.serviceMessage);
    super(`Graph ${init.method} ${init.path} failed (${init.code}${init.status ? `, ${init.status}` : ''})${serviceMessage ? `: ${serviceMessage}` : ''}`);
    this.status = init.status;
    this.code = init.code;
    this.serviceMessage = serviceMessage;
    this.method = init.method;
    this.path = scrubSecrets(init.path);
    this.retryable = init.retryable;
    if (init.correlationId) this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs ?? null;
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
    };
  }

  [inspect.custom](): string {
    return `GraphApiError ${JSON.stringify(this.toJSON())}`;
  }
}
