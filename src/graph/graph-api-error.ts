import { ApiError, type ApiErrorInit, type ApiProfile } from '../http/api-error';

export type GraphApiErrorInit = ApiErrorInit;

/**
 * The one error every Graph call throws: the shared redacting ApiError, worded for Graph. Its
 * code is Graph's own `error.code` (`Request_ResourceNotFound`, ...) or a stable one: `timeout`,
 * `deadline`, `network`, `token_error`, `invalid_response`, `http_error`.
 */
export class GraphApiError extends ApiError {
  override readonly name = 'GraphApiError';

  constructor(init: GraphApiErrorInit) {
    super(init, (i, serviceMessage) =>
      i.code === 'deadline'
        ? `Graph ${i.method} ${i.path}: Microsoft Graph did not answer in time`
        : `Graph ${i.method} ${i.path} failed (${i.code}${i.status ? `, ${i.status}` : ''})${serviceMessage ? `: ${serviceMessage}` : ''}`,
    );
  }

  override get service(): string {
    return 'Graph';
  }

  protected override copy(init: GraphApiErrorInit): GraphApiError {
    return new GraphApiError(init);
  }
}

/** How the shared stack classes Graph failures: Graph's code or `http_error`, never the raw body. */
export const GRAPH_PROFILE: ApiProfile = {
  service: 'Graph',
  create: (init) => new GraphApiError(init),
  owns: (error) => error instanceof GraphApiError,
  codeForStatus: () => 'http_error',
  keepRawErrorText: false,
  retryableStatus: (status) => TRANSIENT.has(status),
};

const TRANSIENT: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Graph statuses worth another attempt (500 included: Graph's reads answer it transiently). */
export const GRAPH_TRANSIENT_STATUSES = TRANSIENT;
