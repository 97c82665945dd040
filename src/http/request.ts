type HttpMethod = 'GET' | 'POST' | 'PATCH';

export type QueryValue = string | number | boolean | undefined;

/** One logical call to an API; the layers may turn it into several HTTP attempts. */
export interface SendRequest {
  method: HttpMethod;
  /** Below the API root, segments already encoded (see `segment()`). */
  path: string;
  query?: Record<string, QueryValue>;
  /** An absolute URL the service handed us (@odata.nextLink); must lie under the API root. */
  url?: string;
  body?: unknown;
  /** May it be repeated after an ambiguous failure? Default: true for GET, false otherwise. */
  idempotent?: boolean;
  /** Sentence for the outcome_unknown error, e.g. "the ticket may or may not have been created". */
  unknownOutcome?: string;
  /** Set by the layers (Authorization, client-request-id); never copied into errors or logs. */
  headers?: Record<string, string>;
  /** The caller's cancel/deadline (see `withDeadline`); every layer and the transport honour it. */
  signal?: AbortSignal;
}

/** Response headers, read by name (case-insensitive). */
export interface ResponseHeaders {
  get(name: string): string | null;
}

export interface SendResponse {
  status: number;
  /** Parsed JSON, or null for an empty body (204). */
  body: unknown;
  headers: ResponseHeaders;
}

export type Send = (request: SendRequest) => Promise<SendResponse>;

/** A cross-cutting concern wrapped around `send` once (octokit-style hook). */
export type Layer = (next: Send) => Send;

/** The retry layer's wait; it ends early, without error, when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** What a client method accepts besides its own arguments. */
export interface CallOptions {
  /** Cancels the call; a signal from `withDeadline` also bounds the retry waits. */
  signal?: AbortSignal;
}
