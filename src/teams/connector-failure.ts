/** What a failed Bot Connector call said: HTTP status, the error code in its body, Retry-After. */
export interface ConnectorFailure {
  status?: number;
  code?: string;
  retryAfter?: string;
  /** No answer at all: refused, reset, timed out (RestError REQUEST_SEND_ERROR, ECONN*). */
  network?: boolean;
}

const NETWORK = /^(REQUEST_SEND_ERROR|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_\w+)$/;

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined => (v && typeof v === 'object' ? (v as Loose) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Reads botframework-connector's error (a RestError with `statusCode` and the raw response)
 * without trusting its shape: the body is `{ error: { code, message } }` from Teams.
 */
export function connectorFailure(err: unknown): ConnectorFailure {
  const e = obj(err);
  if (!e) return {};
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const response = obj(e.response);
  let body = obj(response?.parsedBody) ?? obj(e.body);
  if (!body && typeof response?.bodyAsText === 'string') {
    try {
      body = obj(JSON.parse(response.bodyAsText));
    } catch {
      body = undefined;
    }
  }
  const code = str(obj(body?.error)?.code) ?? str(e.code);
  const headers = obj(response?.headers);
  const get = headers?.get;
  const retryAfter =
    typeof get === 'function' ? str((get as (name: string) => unknown).call(headers, 'retry-after')) : str(headers?.['retry-after']);
  const network = status === undefined && typeof e.code === 'string' && NETWORK.test(e.code);
  return { status, code, retryAfter, network };
}
