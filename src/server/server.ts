import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Next, Request, Response, Server, ServerOptions as RestifyOptions } from 'restify';
import RestifyRouter from 'restify/lib/router';
import RestifyServer from 'restify/lib/server';
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
  /** Other pages on the same server (the privacy pages, the personal tab), mounted as restify routes. */
  mount?: (app: Server) => void;
  /** A mounted part's own 405 answer (the tab's shape): true when it answered. */
  refuseMethod?: (req: Request, res: Response, allowed: string[]) => boolean;
  /** A client must send all its headers within this (default 20 s). */
  headersTimeoutMs?: number;
  /** ...and the whole request, headers and body, within this (default 60 s). */
  requestTimeoutMs?: number;
}

export interface BotServer {
  /** The restify server; its node:http server is `app.server`. */
  app: Server;
  inFlight: InFlight;
  listen(port: number, host?: string): Promise<number>;
  /** Stop accepting, wait for in-flight requests (up to `graceMs`), close the listener. */
  close(graceMs?: number): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const DEFAULT_HEADERS_TIMEOUT_MS = 20_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * node:http checks headersTimeout/requestTimeout only every `connectionsCheckingInterval`
 * (default 30 s), so a 20 s / 60 s limit really cut at 30 s / 90 s. Checking at a tenth of the
 * shorter limit (at least 50 ms, at most 1 s) keeps the overshoot within 10%.
 */
export function checkingIntervalFor(headersTimeoutMs: number, requestTimeoutMs: number): number {
  return Math.max(50, Math.min(1_000, Math.floor(Math.min(headersTimeoutMs, requestTimeoutMs) / 10)));
}

/** A route's work: answers through `res`, or throws (a RequestProblem is the client's fault). */
export type RouteWork = (req: Request, res: Response) => Promise<void>;

/**
 * restify with no plugins: routes, 404/405, the timeouts. The body of /api/messages is read by
 * read-body.ts, not restify's body parser (its inflater had no error handler and its size limit
 * counted compressed bytes). No bot logic here.
 */
export function createServer(options: ServerOptions): BotServer {
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const inFlight = new InFlight();
  let ready = false;

  const app = restifyServer(logger);
  const serve = (work: RouteWork) =>
    routeHandler(work, (req, res, err) => {
      if (err instanceof RequestProblem) {
        logger.debug({ status: err.status, reason: err.message, path: req.url?.slice(0, 100) }, 'request rejected');
        refuse(req, res, err.status, err.message);
        return;
      }
      logger.error({ err }, 'request failed');
      refuse(req, res, 500, 'Internal error.');
    });

  app.get('/healthz', serve(healthz));
  app.head('/healthz', serve(healthz));
  async function healthz(_req: Request, res: Response): Promise<void> {
    if (!ready) return sendJson(res, 503, { status: 'starting' });
    sendJson(res, 200, { status: 'ok', ...options.health() });
  }

  app.post(
    '/api/messages',
    serve(async (req, res) => {
      const activity = parseActivity(await readJsonBody(req, maxBodyBytes));
      const answer = await options.onActivity(activity, req.headers.authorization ?? '');
      sendJson(res, answer.status, answer.body);
    }),
  );
  options.mount?.(app);

  onUnrouted(app, (req, res, status, allowed) => {
    if (status === 404) return refuse(req, res, 404, 'Not found.');
    if (status === 405 && options.refuseMethod?.(req, res, allowed)) return;
    if (status !== 405)
      return refuse(req, res, status >= 400 && status < 500 ? 400 : 500, status < 500 ? 'Bad request.' : 'Internal error.');
    return refuse(req, res, 405, `Use ${allowed.join(' or ')}.`);
  });

  const http = app.server;
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // A client that trickles its headers or body does not hold a socket for the default 5 minutes.
  // restify creates its node:http server without options; these are read when it starts listening.
  http.headersTimeout = headersTimeout;
  http.requestTimeout = requestTimeout;
  Object.assign(http, { connectionsCheckingInterval: checkingIntervalFor(headersTimeout, requestTimeout) });
  http.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.enter();
    res.once('close', () => inFlight.leave());
  });

  return {
    app,
    inFlight,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          ready = true;
          const address = http.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close(graceMs = 10_000) {
      ready = false;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      await inFlight.drained(graceMs);
      http.closeAllConnections();
      await closed;
    },
  };
}

/**
 * A restify server without its name header, logging through ours (warnings and up), behind a
 * front door: restify parses every request's URL from its Host header with `new URL`, which
 * throws outside any handler on a Host such as `a b` or `x:99999` (one request would stop the
 * process). Such a request gets a 400 here and never reaches restify.
 * Built as restify's createServer builds it (a Router, then the Server) from its own modules:
 * its index also loads every plugin, half of restify's start-up time, and we use none.
 */
export function restifyServer(logger: Logger, extra: { ignoreTrailingSlash?: boolean } = {}): Server {
  const options: RestifyOptions = {
    name: '',
    log: logger.child({ component: 'http' }, { level: 'warn' }) as never,
    handleUncaughtExceptions: false,
    // Identifiers are checked by the handlers (a clear 400), not cut off by the router (a 404).
    maxParamLength: 2_000,
    ignoreTrailingSlash: extra.ignoreTrailingSlash ?? false,
  };
  const app = new RestifyServer({ ...options, router: new RestifyRouter(options) });
  for (const event of ['request', 'checkContinue'] as const) {
    const listeners = app.server.listeners(event) as ((req: IncomingMessage, res: ServerResponse) => void)[];
    app.server.removeAllListeners(event);
    app.server.on(event, (req: IncomingMessage, res: ServerResponse) => {
      if (!hasParsableUrl(req)) {
        logger.debug({ host: String(req.headers.host ?? '').slice(0, 100) }, 'request rejected: unparsable host or target');
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        res.end(JSON.stringify({ error: 'The request target or Host header is not valid.' }));
        req.resume();
        return;
      }
      for (const listener of listeners) listener(req, res);
    });
  }
  return app;
}

/** restify's own URL of the request can be built (and is then kept: restify parses it once). */
function hasParsableUrl(req: IncomingMessage): boolean {
  try {
    (req as Request).getUrl();
    return true;
  } catch {
    return false;
  }
}

/** restify's route callback around our async work: its errors answered by `fail`, never thrown at restify. */
export function routeHandler(
  work: RouteWork,
  fail: (req: Request, res: Response, err: unknown) => void,
): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    work(req, res)
      .catch((err: unknown) => fail(req, res, err))
      .finally(() => next());
  };
}

/**
 * Who answers what no route takes: 404 for an unknown path, 405 (with Allow) for a known path
 * and another method, and anything restify itself raises, in our shapes instead of restify's.
 */
export function onUnrouted(
  app: Server,
  answer: (req: Request, res: Response, status: number, allowed: string[], err: Error) => void,
): void {
  const handle = (status: number) => (req: Request, res: Response, err: Error & { statusCode?: number }, done: () => void) => {
    if (!isSent(res)) {
      const allowed = String(res.getHeader('allow') ?? '')
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean);
      answer(req, res, status || err.statusCode || 500, allowed, err);
    }
    done();
  };
  app.on('NotFound', handle(404));
  app.on('MethodNotAllowed', handle(405));
  app.on('restifyError', handle(0));
}

function isSent(res: Response): boolean {
  return res.headersSent || (res as Response & { _sent?: boolean })._sent === true;
}

/** A JSON answer through restify's raw send (no formatter, so the bytes are ours). */
export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (isSent(res)) return;
  if (body === undefined) {
    res.sendRaw(status, '', { 'content-length': '0', ...headers });
    return;
  }
  const text = JSON.stringify(body);
  res.sendRaw(status, text, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
}

/** An error answer; if the body was not read to its end, the connection closes after it. */
function refuse(req: IncomingMessage, res: Response, status: number, message: string): void {
  if (!req.complete) {
    res.setHeader('connection', 'close');
    req.on('error', () => undefined);
    req.resume();
  }
  sendJson(res, status, { error: message });
}
