import type { ApiError, ApiProfile } from './api-error';
import { AnswerTooLargeError, limitText } from './answer-limit';
import { exchange, type Exchange } from './exchange';
import type { ResponseHeaders, Send, SendRequest, SendResponse } from './request';
import { parseRetryAfter } from './retry-policy';
import { buildUrl, displayPath, resolveNextLink } from './url';

export interface TransportOptions {
  baseUrl: string;
  profile: ApiProfile;
}

/** errno codes meaning the connection was never made, so the request never left us. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

const CORRELATION_HEADERS = ['request-id', 'x-ms-request-id', 'client-request-id'];

/** The innermost layer: one HTTP exchange (node:http, keep-alive), failures as the profile's error class. */
export function createTransport(options: TransportOptions): Send {
  const { profile } = options;
  return async (request: SendRequest): Promise<SendResponse> => {
    const url = request.url
      ? resolveNextLink(options.baseUrl, request.url, profile)
      : buildUrl(options.baseUrl, request.path, request.query);
    const path = displayPath(options.baseUrl, url);
    const ownId = request.headers?.['client-request-id'];
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Exchange;
    try {
      // The body is read inside: a connection cut mid-answer gets the same handling.
      response = await exchange(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: request.signal,
      });
    } catch (cause) {
      if (cause instanceof AnswerTooLargeError) throw tooLargeError(profile, cause, request, path, ownId);
      throw networkError(profile, cause, request, path, ownId);
    }
    const text = response.text;
    const correlationId = correlationOf(response.headers) ?? ownId;
    if (response.status < 200 || response.status > 299) throw httpError(profile, response, text, request, path, correlationId);
    if (text.trim() === '') return { status: response.status, body: null, headers: response.headers };
    try {
      return { status: response.status, body: JSON.parse(text) as unknown, headers: response.headers };
    } catch {
      throw profile.create({
        status: response.status,
        code: 'invalid_response',
        serviceMessage: text,
        method: request.method,
        path,
        retryable: false,
        correlationId,
        message: `${profile.service} ${request.method} ${path} answered ${response.status} with a body that is not JSON`,
      });
    }
  };
}

/** An answer past the limit: not read, not retried; the service did answer (its status is kept). */
function tooLargeError(
  profile: ApiProfile,
  cause: AnswerTooLargeError,
  request: SendRequest,
  path: string,
  correlationId: string | undefined,
): ApiError {
  return profile.create({
    status: cause.status,
    code: 'too_large',
    serviceMessage: `The ${profile.service} service sent an answer larger than ${limitText(cause.limit)}, so I did not read it. Try a narrower search, or tell the bot's administrator (API_MAX_ANSWER_MB).`,
    method: request.method,
    path,
    retryable: false,
    correlationId,
    message: `${profile.service} ${request.method} ${path}: the answer is larger than ${limitText(cause.limit)} (API_MAX_ANSWER_MB); the connection was dropped`,
  });
}

function correlationOf(headers: ResponseHeaders): string | undefined {
  for (const name of CORRELATION_HEADERS) {
    const value = headers.get(name);
    if (value) return value.slice(0, 100);
  }
  return undefined;
}

/** `{"error":{"code":"404","message":"..."}}` as documented, else the raw text (when the profile keeps it). */
function serviceError(text: string, keepRaw: boolean): { code: string | null; message: string | null } {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body) {
      const error = body.error;
      if (error && typeof error === 'object') {
        const { code, message } = error as { code?: unknown; message?: unknown };
        return {
          code: typeof code === 'string' || typeof code === 'number' ? String(code) : null,
          message: typeof message === 'string' ? message : null,
        };
      }
    }
  } catch {
    // Not JSON: keep the raw text below.
  }
  return { code: null, message: !keepRaw || text.trim() === '' ? null : text };
}

function httpError(
  profile: ApiProfile,
  response: Exchange,
  text: string,
  request: SendRequest,
  path: string,
  correlationId: string | undefined,
): ApiError {
  const { code, message } = serviceError(text, profile.keepRawErrorText);
  const status = response.status;
  return profile.create({
    status,
    code: code ?? profile.codeForStatus(status),
    serviceMessage: message,
    method: request.method,
    path,
    retryable: profile.retryableStatus(status),
    correlationId,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}

function errno(cause: unknown): string | undefined {
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Name and message read by shape: an abort's DOMException may come from another realm than Error. */
function describe(value: unknown): { name: string; message: string } {
  if (typeof value !== 'object' || value === null) return { name: '', message: String(value) };
  const { name, message } = value as { name?: unknown; message?: unknown };
  return { name: typeof name === 'string' ? name : '', message: typeof message === 'string' ? message : '' };
}

function networkError(
  profile: ApiProfile,
  cause: unknown,
  request: SendRequest,
  path: string,
  correlationId: string | undefined,
): ApiError {
  const { name, message } = describe(cause);
  // Aborted by a timeout (the attempt's or the caller's deadline), whatever error the socket raised.
  const timedOut = name === 'TimeoutError' || (request.signal?.aborted === true && describe(request.signal.reason).name === 'TimeoutError');
  if (timedOut) {
    return profile.create({
      status: 0,
      code: 'timeout',
      serviceMessage: null,
      method: request.method,
      path,
      retryable: true,
      correlationId,
    });
  }
  const code = errno(cause);
  return profile.create({
    status: 0,
    code: 'network',
    serviceMessage: null,
    method: request.method,
    path,
    retryable: true,
    correlationId,
    notSent: code !== undefined && NOT_SENT_CODES.has(code),
    detail: code ?? (message ? message.slice(0, 100) : undefined),
  });
}
