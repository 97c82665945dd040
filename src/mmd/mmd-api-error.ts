import { ApiError, type ApiErrorInit, type ApiProfile } from '../http/api-error';

export type MmdApiErrorInit = ApiErrorInit;

/**
 * The one error every MMD call throws: the shared redacting ApiError, worded for MMD. Its code
 * is stable (ApiErrorCode: timeout, deadline, network, outcome_unknown, token_error,
 * invalid_response, invalid_request); HTTP failures carry the service's `error.code` ("404"),
 * or the status as a string without one.
 */
export class MmdApiError extends ApiError {
  override readonly name = 'MmdApiError';

  constructor(init: MmdApiErrorInit) {
    super(init, defaultMessage);
  }

  override get service(): string {
    return 'MMD';
  }

  protected override copy(init: MmdApiErrorInit): MmdApiError {
    return new MmdApiError(init);
  }
}

function defaultMessage(init: MmdApiErrorInit, serviceMessage: string | null): string {
  const what = `MMD ${init.method} ${init.path}`;
  switch (init.code) {
    case 'timeout':
      return `${what} timed out`;
    case 'deadline':
      return `${what}: the MMD service did not answer in time`;
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

function isMmdApiError(value: unknown): value is MmdApiError {
  return value instanceof MmdApiError;
}

/** How the shared stack classes MMD failures: the service's code or the status, raw text kept. */
export const MMD_PROFILE: ApiProfile = {
  service: 'MMD',
  create: (init) => new MmdApiError(init),
  owns: isMmdApiError,
  codeForStatus: (status) => String(status),
  keepRawErrorText: true,
  retryableStatus: (status) => status === 408 || status === 429 || status >= 500,
};
