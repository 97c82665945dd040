/**
 * The personal tab on the bot's server: its static files under /tab, its JSON API under
 * /api/tab (every answer after the SSO token check) and, in sandbox mode only, the development
 * host page and token (see dev-host.ts).
 */
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Next, Request, Response, Server } from 'restify';
import { routeHandler, sendJson, type RouteWork } from '../server/server';
import { readJsonBody } from '../server/read-body';
import { RequestProblem } from '../server/request-problem';
import type { Logger } from '../log/logger';
import type { MmdClient } from '../mmd/mmd-client';
import { MmdApiError } from '../mmd/mmd-api-error';
import type { SsoUser, SsoVerifier } from './sso-token-verifier';
import { readStatic } from './static-files';
import * as api from './tab-api';
import type { TabAuditWriter } from './tab-audit';
import { TabError } from './tab-error';
import type { TabHandler, TabRequest } from './tab-request';
import type { TabPolicy } from './tab-policy';
import type { UseCaseName } from '../bot/use-cases';

export interface TabRouteDeps {
  /** null: the tab's API is not configured (no SSO audience); it answers 503. */
  verifier: SsoVerifier | null;
  /** The MMD client for a verified user: the app's, or one with the user's OBO token. */
  mmdFor(user: SsoUser): MmdClient;
  /** With app context the tab's writes name the user (see TabRequest.attribute). */
  attribute: boolean;
  /** Where the tab's changes are audited. */
  audit: TabAuditWriter;
  /** The failing-devices view, computed once per tenant and refresh period. */
  failing: TabRequest['failing'];
  /** The one policy's gate: the user's role against each endpoint's use case, before its handler. */
  policy: TabPolicy;
  logger: Logger;
  /** The built tab (dist/tab). */
  staticDir: string;
  /** Sandbox mode only: the development host page folder and a development SSO token. */
  dev?: { staticDir: string; token(): Promise<string> };
  /** Origins allowed to frame the tab (Teams' own); 'self' is always allowed. */
  frameAncestors?: string[];
}

const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.office.com',
  'https://*.cloud.microsoft',
];

/** Each endpoint names its use case (src/bot/use-cases.ts) and what it does in the chat's words. */
const API: {
  method: 'get' | 'post';
  path: string;
  useCase: UseCaseName;
  what: (params: Record<string, string>) => string;
  handler: TabHandler;
}[] = [
  { method: 'get', path: '/api/tab/me', useCase: 'dashboard.read', what: () => 'Opening the dashboard', handler: api.me },
  { method: 'get', path: '/api/tab/summary', useCase: 'dashboard.read', what: () => 'Opening the dashboard', handler: api.summary },
  { method: 'get', path: '/api/tab/tickets', useCase: 'tickets.list', what: () => 'Listing tickets', handler: api.listTickets },
  {
    method: 'get',
    path: '/api/tab/tickets/:id',
    useCase: 'ticket.open',
    what: (p) => `Opening ticket ${p.id ?? ''}`,
    handler: api.getTicket,
  },
  {
    method: 'post',
    path: '/api/tab/tickets/:id/notes',
    useCase: 'ticket.note',
    what: (p) => `Adding a note to ticket ${p.id ?? ''}`,
    handler: api.addNote,
  },
  { method: 'get', path: '/api/tab/devices', useCase: 'devices.list', what: () => 'Listing devices', handler: api.searchDevices },
  {
    method: 'get',
    path: '/api/tab/devices/failing',
    useCase: 'devices.failing',
    what: () => 'Listing devices with failing configurations',
    handler: api.failingDevices,
  },
  {
    method: 'get',
    path: '/api/tab/elevations',
    useCase: 'elevations.list',
    what: () => 'Listing elevation requests',
    handler: api.listElevations,
  },
  {
    method: 'post',
    path: '/api/tab/elevations/:id/close',
    useCase: 'elevation.close',
    what: () => 'Closing the elevation request',
    handler: api.closeElevation,
  },
];

const MAX_BODY_BYTES = 16 * 1024;

function toTabError(error: unknown, logger: Logger): TabError {
  if (error instanceof TabError) return error;
  if (error instanceof RequestProblem) return new TabError(error.status, 'bad_request', error.message);
  if (error instanceof MmdApiError) {
    if (error.status === 404) return new TabError(404, 'not_found', 'Not found in MMD.');
    logger.warn({ status: error.status, code: error.code, correlationId: error.correlationId }, 'tab: MMD call failed');
    return new TabError(
      502,
      'mmd_error',
      `The MMD API could not answer (${error.code}${error.correlationId ? `, correlation id ${error.correlationId}` : ''}).`,
    );
  }
  logger.error({ err: error }, 'tab: handler failed');
  return new TabError(500, 'mmd_error', 'Something went wrong; try again.');
}

function isLoopback(req: IncomingMessage): boolean {
  const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return isIP(address) !== 0 && (address === '127.0.0.1' || address === '::1');
}

/** True for the tab's paths: its page and assets under /tab, its API under /api/tab. */
export function isTabPath(path: string): boolean {
  return path === '/tab' || path.startsWith('/tab/') || path.startsWith('/api/tab/');
}

/** The tab's answer to a known path asked with another method (the server's 405 in the tab's shape). */
export function tabMethodRefusal(res: Response, allowed: string[]): void {
  res.setHeader('Cache-Control', 'no-store');
  sendJson(res, 405, { error: 'bad_request', message: `Use ${allowed.join(' or ') || 'GET'}.` });
}

/** The tab's routes on the bot's restify server: the API, the dev host (sandbox), the page and assets. */
export function mountTab(app: Server, deps: TabRouteDeps): void {
  const { logger } = deps;
  const ancestors = ["'self'", ...(deps.frameAncestors ?? TEAMS_FRAME_ANCESTORS)].join(' ');
  const pageHeaders = {
    // No inline script or style, nothing from elsewhere; only Teams (and this origin) may frame it.
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const route = (work: RouteWork) =>
    routeHandler(work, (_req, res, error) => {
      logger.error({ err: error }, 'tab: request failed');
      sendJson(res, 500, { error: 'mmd_error', message: 'Something went wrong; try again.' });
    });

  const sendFile = async (res: Response, root: string, relative: string): Promise<void> => {
    const file = await readStatic(root, relative, pageHeaders);
    res.writeHead(file.status, file.headers);
    res.end(file.body);
  };

  for (const endpoint of API) {
    app[endpoint.method](
      endpoint.path,
      route(async (req, res) => {
        const params = { ...(req.params as Record<string, string>) };
        res.setHeader('Cache-Control', 'no-store');
        try {
          if (!deps.verifier) throw new TabError(503, 'tab_not_configured', 'The tab is not configured on this server (TAB_SSO_AUDIENCE).');
          const user = await deps.verifier.verify(req.headers.authorization);
          const correlationId = randomUUID();
          const roles = await deps.policy.permit(user, endpoint.useCase, endpoint.what(params), correlationId);
          const body = endpoint.method === 'post' ? await readJsonBody(req, MAX_BODY_BYTES, { allowEmpty: true }) : undefined;
          const answer = await endpoint.handler({
            user,
            roles,
            params,
            query: new URLSearchParams(req.getQuery()),
            body,
            mmd: deps.mmdFor(user),
            attribute: deps.attribute,
            failing: deps.failing,
            record: (change) => deps.audit(user, change, correlationId),
          });
          sendJson(res, answer.status, answer.body);
        } catch (error) {
          const tabError = toTabError(error, logger);
          if (tabError.status === 401) res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
          if (!req.complete) res.setHeader('Connection', 'close');
          sendJson(res, tabError.status, tabError.body());
        }
      }),
    );
  }

  const redirect = (_req: Request, res: Response, next: Next): void => {
    res.writeHead(302, { Location: '/tab/' });
    res.end();
    next();
  };
  app.get('/tab', redirect);
  app.head('/tab', redirect);

  const dev = deps.dev;
  if (dev) {
    // Sandbox only, loopback only: a signed-in stand-in for Teams on the developer's machine.
    const devOnly = (work: RouteWork) =>
      route(async (req, res) => {
        if (!isLoopback(req))
          return sendJson(res, 403, { error: 'unauthorized', message: 'The development host is served to this machine only.' });
        await work(req, res);
      });
    app.get(
      '/tab/dev/token',
      devOnly(async (_req, res) => {
        res.setHeader('Cache-Control', 'no-store');
        try {
          sendJson(res, 200, { token: await dev.token() });
        } catch {
          sendJson(res, 503, { error: 'sso_unavailable', message: 'The emulator gave no development token.' });
        }
      }),
    );
    const devFile = devOnly((req, res) => sendFile(res, dev.staticDir, req.getPath().slice('/tab/dev/'.length)));
    app.get('/tab/dev/*', devFile);
    app.head('/tab/dev/*', devFile);
  }
  const tabFile = route((req, res) => sendFile(res, deps.staticDir, req.getPath().slice('/tab/'.length)));
  app.get('/tab/*', tabFile);
  app.head('/tab/*', tabFile);
}
