/**
 * The built-in emulator of the MMD API and of the identity platform's client-credentials flow:
 * a restify server on 127.0.0.1 with seeded, stateful data and fault injection.
 * Routes are declared in routes.ts; this file only wires them: a pre stage (path clean-up,
 * request log, faults), then restify's routing, then our handlers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Next, Request, Response } from 'restify';
import { createLogger } from '../log/logger';
import { onUnrouted, restifyServer, sendJson as sendRaw } from '../server/server';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT_ID } from '../config/config';
import { readBody } from './body';
import { EmulatorError, badRequest, errorBody } from './errors';
import { FaultStore } from './faults';
import { toGraphBody } from './graph/errors';
import type { ApiResponse, Route, RouteContext } from './http';
import { normalizePath, rewriteTicketKey } from './paths';
import { ROUTES } from './routes';
import { GraphDirectory, graphRoutes } from './routes/graph-directory';
import { EmulatorStore } from './store';
import { SigningKey } from './signing-key';
import { TokenIssuer } from './token';
import { UserTokenStore } from './user-token-store';
import type { EmulatorOptions, FaultRule, RunningEmulator } from './types';

/** Optional header naming the person behind an app-token call (requestingAgentUpn, viewedBy). */
const CALLER_HEADER = 'x-emulator-upn';

const DEFAULT_FAULT_MESSAGES: Record<number, string> = {
  429: 'Too many requests. Retry later.',
  500: 'An internal server error occurred.',
  503: 'The service is temporarily unavailable. Retry later.',
};

interface LogEntry {
  method: string;
  url: string;
  status: number;
}

function sendJson(res: Response, response: ApiResponse): void {
  sendRaw(res, response.status, response.body, response.headers);
}

/** What the pre stage leaves for the route: a body read early (a held request), an answer to give instead. */
interface Staged {
  heldBody?: { body?: unknown; error?: unknown };
  answerWith?: ApiResponse;
}
const staged = new WeakMap<IncomingMessage, Staged>();

/** Every path segment decodes (restify's router would call a bad one "not found"). */
function checkPercentEncoding(path: string): void {
  for (const segment of path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      throw badRequest('The request URI is not valid: bad percent-encoding.');
    }
  }
}

function toResponse(error: unknown): ApiResponse {
  if (error instanceof EmulatorError) return { status: error.status, body: error.body(), headers: error.headers };
  return { status: 500, body: errorBody(500, 'An unexpected error occurred in the emulator.') };
}

/** Graph paths answer errors in Graph's shape (`code` a word, `innerError` with request ids). */
function isGraphPath(url: string): boolean {
  return url.startsWith('/graph/');
}

function toGraphResponse(error: unknown, clientRequestId: string | undefined): ApiResponse {
  const known = error instanceof EmulatorError ? error : new EmulatorError(500, 'An unexpected error occurred in the emulator.');
  return { status: known.status, body: toGraphBody(known, clientRequestId), headers: known.headers };
}

function clientRequestIdOf(req: IncomingMessage): string | undefined {
  const value = req.headers['client-request-id'];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 128) : undefined;
}

async function handle(route: Route, params: Record<string, string>, ctx: RouteContext, req: IncomingMessage): Promise<ApiResponse> {
  const clientRequestId = clientRequestIdOf(req);
  try {
    let caller = '';
    if (route.auth === 'bearer') {
      const holder = ctx.tokens.verify(req.headers.authorization);
      if (params.tenantId !== undefined && params.tenantId.toLowerCase() !== ctx.settings.tenantId.toLowerCase()) {
        throw new EmulatorError(403, 'The caller is not authorized for this tenant.');
      }
      const named = req.headers[CALLER_HEADER];
      // A token obtained on behalf of a user speaks for that user; the header stands in for one
      // only on app tokens.
      caller = holder.user ?? (typeof named === 'string' && named.trim() ? named.trim() : holder.clientId);
    } else if (route.auth === 'bot' && ctx.settings.botAppId) {
      // As the real token service: only the bot the OAuth connection belongs to, with its own token.
      const holder = ctx.tokens.verify(req.headers.authorization);
      if (holder.clientId.toLowerCase() !== ctx.settings.botAppId.toLowerCase()) {
        throw new EmulatorError(401, 'Authorization has been denied for this request: the token was not issued to this bot.', {
          'WWW-Authenticate': 'Bearer error="invalid_token"',
        });
      }
      caller = holder.clientId;
    }
    const held = staged.get(req)?.heldBody;
    if (held?.error) throw held.error instanceof Error ? held.error : badRequest('The request body could not be read.');
    const body = held ? held.body : await readBody(req);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    return await route.handler(
      {
        params,
        query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
        body,
        caller,
        selfUrl: `${ctx.url()}${q < 0 ? url : url.slice(0, q)}`,
        clientRequestId,
      },
      ctx,
    );
  } catch (error) {
    return isGraphPath(route.path) ? toGraphResponse(error, clientRequestId) : toResponse(error);
  }
}

function faultResponse(rule: FaultRule, path: string, clientRequestId: string | undefined): ApiResponse {
  const status = rule.status ?? 500;
  const headers: Record<string, string> = {};
  if (rule.retryAfterSeconds !== undefined) headers['Retry-After'] = String(rule.retryAfterSeconds);
  const message = DEFAULT_FAULT_MESSAGES[status] ?? 'Injected fault.';
  const fallback = isGraphPath(path) ? toGraphBody(new EmulatorError(status, message), clientRequestId) : errorBody(status, message);
  const body = rule.body ?? fallback;
  return { status, body, headers };
}

/** About `mb` MB of valid OData JSON, written as the client reads it; stops when the client hangs up. */
function streamHuge(res: ServerResponse, mb: number): void {
  const row = `${JSON.stringify({ name: 'MMD-HUGE', serialNumber: 'x'.repeat(900) })},`;
  const rowsPerChunk = 64;
  const chunk = row.repeat(rowsPerChunk);
  let left = Math.ceil((mb * 1024 * 1024) / chunk.length);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.write('{"value":[');
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      left -= 1;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end(`${JSON.stringify({ name: 'MMD-LAST' })}]}`);
  };
  res.once('close', () => (left = 0));
  pump();
}

/** API traffic is what requestLog() reports; identity and admin calls are not. */
function isApiPath(url: string): boolean {
  return url.startsWith('/support/') || url.startsWith('/graph/');
}

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const settings = {
    tenantId: options.tenantId ?? SANDBOX_TENANT_ID,
    clientId: options.clientId ?? SANDBOX_CLIENT_ID,
    clientSecret: options.clientSecret ?? SANDBOX_CLIENT_SECRET,
    ssoResource: options.ssoResource ?? `api://localhost/${options.clientId ?? SANDBOX_CLIENT_ID}`,
    botAppId: options.botAppId,
  };
  const store = new EmulatorStore(
    {
      seed: options.seed ?? 1,
      devices: options.devices ?? 60,
      users: options.users ?? 25,
      tickets: options.tickets ?? 40,
      tenantId: settings.tenantId,
    },
    options.graphCreateRefusals,
    options.now,
  );
  const tokens = new TokenIssuer(options.tokenLifetimeSeconds ?? 3599);
  const faults = new FaultStore(options.faults ?? []);
  const log: LogEntry[] = [];
  // Requests whose socket a fault destroyed: logged with status 0.
  const dropped = new WeakSet<IncomingMessage>();
  let baseUrl = '';
  const signingKey = new SigningKey();
  const ctx: RouteContext = { store, tokens, faults, settings, signingKey, userTokens: new UserTokenStore(), url: () => baseUrl };

  // Graph (group membership for the elevation admin check) has its own state and routes.
  const graph = new GraphDirectory();
  const app = restifyServer(createLogger({ level: 'silent' }), { ignoreTrailingSlash: true });
  const server = app.server;
  // Requests a latency fault holds: their timers are cleared on close, so none outlives the server.
  const held = new Set<NodeJS.Timeout>();
  const later = (work: () => void, ms: number): void => {
    const timer = setTimeout(() => {
      held.delete(timer);
      work();
    }, ms);
    held.add(timer);
  };

  /** Before routing: the documents' path spellings, the request log, then any fault for the path. */
  app.pre((req: Request, res: Response, next: Next) => {
    const original = req.url ?? '/';
    req.url = normalizePath(original);
    if (isApiPath(req.url)) {
      let logged = false;
      const record = (status: number): void => {
        if (logged) return;
        logged = true;
        log.push({ method: req.method ?? 'GET', url: original, status: dropped.has(req) ? 0 : status });
      };
      res.once('finish', () => record(res.statusCode));
      res.once('close', () => record(0));
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    /** On to the routes; `answerWith` replaces their answer (a fault after the work was done). */
    const proceed = (answerWith?: ApiResponse): void => {
      try {
        checkPercentEncoding(path);
        req.url = rewriteTicketKey(req.url ?? '/');
      } catch (error) {
        req.resume();
        sendJson(res, isGraphPath(path) ? toGraphResponse(error, clientRequestIdOf(req)) : toResponse(error));
        return next(false);
      }
      if (answerWith) staged.set(req, { ...staged.get(req), answerWith });
      next();
    };
    const rule = path.startsWith('/_emulator/') ? undefined : faults.take(req.method ?? 'GET', path);
    if (!rule) return proceed();
    const act = (): void => {
      if (rule.drop) {
        dropped.add(req);
        req.socket.destroy();
        next(false);
      } else if (rule.streamMb !== undefined) {
        req.resume();
        streamHuge(res, rule.streamMb);
        next(false);
      } else if (rule.status !== undefined && rule.carryOut) {
        // The service did the work, then said it failed (a gateway's 503 after the backend acted).
        proceed(faultResponse(rule, path, clientRequestIdOf(req)));
      } else if (rule.status !== undefined) {
        req.resume();
        sendJson(res, faultResponse(rule, path, clientRequestIdOf(req)));
        next(false);
      } else {
        proceed();
      }
    };
    if (rule.latencyMs && rule.status === undefined && !rule.drop) {
      // A held request is received now and carried out after the wait, even if the caller has
      // gone by then (a create that lands after the client gave up), as a service would.
      readBody(req)
        .then(
          (body) => staged.set(req, { heldBody: { body } }),
          (error: unknown) => staged.set(req, { heldBody: { error } }),
        )
        .finally(() => later(proceed, rule.latencyMs!));
    } else if (rule.latencyMs) later(act, rule.latencyMs);
    else act();
  });

  for (const route of [...ROUTES, ...graphRoutes(graph)]) {
    const verb = ({ GET: 'get', POST: 'post', PATCH: 'patch', DELETE: 'del' } as const)[route.method];
    app[verb](route.path, (req: Request, res: Response, next: Next) => {
      const params = { ...(req.params as Record<string, string>) };
      void handle(route, params, ctx, req).then((response) => {
        sendJson(res, staged.get(req)?.answerWith ?? response);
        next();
      });
    });
  }

  // An unknown path is a 404 and a known one with another method a 405, in the path's error shape.
  onUnrouted(app, (req, res, status, allowed) => {
    req.resume();
    const method = req.method ?? 'GET';
    const error =
      status === 405
        ? new EmulatorError(405, `${method} is not allowed`, { Allow: allowed.join(', ') })
        : status === 404
          ? new EmulatorError(404, 'No HTTP resource was found that matches the request URI.')
          : new EmulatorError(status, 'The request could not be handled.');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    sendJson(res, isGraphPath(path) ? toGraphResponse(error, clientRequestIdOf(req)) : toResponse(error));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The emulator is not listening on a TCP port.');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    mmdBaseUrl: `${baseUrl}/support/odata/v1/`,
    graphBaseUrl: `${baseUrl}/graph`,
    tokenEndpoint: `${baseUrl}/${settings.tenantId}/oauth2/v2.0/token`,
    tenantId: settings.tenantId,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    faults,
    tokenRequestCount: () => tokens.count(),
    requestLog: () => log.map((entry) => ({ ...entry })),
    close: () =>
      new Promise<void>((resolve) => {
        // A request held by a latency fault is dropped with the server, not answered after it.
        for (const timer of held) clearTimeout(timer);
        held.clear();
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
