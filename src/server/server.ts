import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log/logger';
import { parseActivity, type InboundActivity } from './activity-shape';
import { InFlight } from './in-flight';
import { readJsonBody } from './read-body';
import { RequestProblem } from './request-problem';

/** What /api/messages answers: a status and an optional JSON body. */
export interface HttpAnswer {
  status: number;
  body?: unknown;
}

/** Runs one checked activity; `authorization` is the raw header ('' when absent). */
export type ActivityHandlerFn = (activity: InboundActivity, authorization: string) => Promise<HttpAnswer>;

export interface ServerOptions {
  /** The bot behind /api/messages (app.ts passes the adapter's handler). */
  onActivity: ActivityHandlerFn;
  logger: Logger;
  /** What /healthz reports once ready. */
  health: () => Record<string, unknown>;
  maxBodyBytes?: number;
  /**
   * Other pages on the same port (the personal tab): asked first for every other path; true
   * when it answered. Its errors are answered 500 like ours.
   */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** A client must send all its headers within this (default 20 s). */
  headersTimeoutMs?: number;
  /** ...and the whole request, headers and body, within this (default 60 s). */
  requestTimeoutMs?: number;
}

export interface BotServer {
  server: Server;
  inFlight: InFlight;
  listen(port: number, host?: string): Promise<number>;
  /** Stop accepting, wait for in-flight requests (up to `graceMs`), close the listener. */
  close(graceMs?: number): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
export const DEFAULT_HEADERS_TIMEOUT_MS = 20_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * node:http checks headersTimeout/requestTimeout only every `connectionsCheckingInterval`
 * (default 30 s), so a 20 s / 60 s limit really cut at 30 s / 90 s. Checking at a tenth of the
 * shorter limit (at least 50 ms, at most 1 s) keeps the overshoot within 10%.
 */
export function checkingIntervalFor(headersTimeoutMs: number, requestTimeoutMs: number): number {
  return Math.max(50, Math.min(1_000, Math.floor(Math.min(headersTimeoutMs, requestTimeoutMs) / 10)));
}

/**
 * Thin transport on node:http: two routes, body limits, the activity's shape, then the handler.
 * No bot logic here. restify's body parser is gone: its gunzip stream had no error handler (one
 * request with a broken gzip body killed the process) and its size limit counted compressed bytes.
 */
export function createServer(options: ServerOptions): BotServer {
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const inFlight = new InFlight();
  let ready = false;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new RequestProblem(405, 'Use GET.');
      if (!ready) return send(res, 503, { status: 'starting' });
      return send(res, 200, { status: 'ok', ...options.health() });
    }
    if (path !== '/api/messages') {
      if (options.extraRoutes && (await options.extraRoutes(req, res))) return;
      throw new RequestProblem(404, 'Not found.');
    }
    if (req.method !== 'POST') throw new RequestProblem(405, 'Use POST.');
    const activity = parseActivity(await readJsonBody(req, maxBodyBytes));
    const authorization = req.headers.authorization ?? '';
    const answer = await options.onActivity(activity, authorization);
    send(res, answer.status, answer.body);
  };

  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // A client that trickles its headers or body does not hold a socket for the default 5 minutes.
  const timeouts = {
    headersTimeout,
    requestTimeout,
    connectionsCheckingInterval: checkingIntervalFor(headersTimeout, requestTimeout),
  };
  const server = createHttpServer(timeouts, (req, res) => {
    inFlight.enter();
    res.once('close', () => inFlight.leave());
    route(req, res).catch((err: unknown) => {
      if (err instanceof RequestProblem) {
        logger.debug({ status: err.status, reason: err.message, path: req.url?.slice(0, 100) }, 'request rejected');
        refuse(req, res, err.status, err.message);
        return;
      }
      logger.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'request failed');
      refuse(req, res, 500, 'Internal error.');
    });
  });

  return {
    server,
    inFlight,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          ready = true;
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close(graceMs = 10_000) {
      ready = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await inFlight.drained(graceMs);
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, { 'content-length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An error answer; if the body was not read to its end, the connection closes after it. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (!req.complete) {
    res.setHeader('connection', 'close');
    req.on('error', () => undefined);
    req.resume();
  }
  send(res, status, { error: message });
}
