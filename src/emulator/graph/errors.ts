/**
 * Graph's error shape, `{error: {code, message, innerError: {date, request-id, client-request-id}}}`,
 * for every answer of the emulated Graph routes (the MMD routes keep the documents' own shape).
 */
import { randomUUID } from 'node:crypto';
import { EmulatorError } from '../errors';

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** Graph's codes for the statuses the emulator answers with. */
const CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

export function graphCode(status: number): string {
  return CODES[status] ?? 'UnknownError';
}

function graphErrorBody(code: string, message: string, clientRequestId?: string): GraphErrorBody {
  const requestId = randomUUID();
  return {
    error: {
      code,
      message,
      innerError: {
        // Graph's innerError date has no fractional seconds.
        date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'request-id': requestId,
        'client-request-id': clientRequestId ?? requestId,
      },
    },
  };
}

/** An error of the Graph routes with Graph's code (e.g. `BadRequest`, `NotFound`). */
export class GraphError extends EmulatorError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
    this.name = 'GraphError';
  }
}

export const graphBadRequest = (message: string): GraphError => new GraphError(400, 'BadRequest', message);
export const graphNotFound = (message: string): GraphError => new GraphError(404, 'NotFound', message);

/** Any EmulatorError (token check, OData parser, body reader) in Graph's shape. */
export function toGraphBody(error: EmulatorError, clientRequestId?: string): GraphErrorBody {
  const code = error instanceof GraphError ? error.code : graphCode(error.status);
  return graphErrorBody(code, error.message, clientRequestId);
}
