/**
 * The personal tab on the bot's server: its static files under /tab, its JSON API under
 * /api/tab (every answer after the SSO token check) and, in sandbox mode only, the development
 * host page and token (see dev-host.ts).
 */
import { isIP } from 'node:net';
import restify, { type Request, type Response } from 'restify';
import type { Logger } from '../log/logger';
import type { MmdClient } from '../mmd/mmd-client';
import { MmdApiError } from '../mmd/mmd-api-error';
import type { SsoUser, SsoVerifier } from './sso-token-verifier';
import { readStatic } from './static-files';
import * as api from './tab-api';
import { TabError } from './tab-error';
import type { TabHandler } from './tab-request';

export interface TabRouteDeps {
  /** null: the tab's API is not configured (no SSO audience); it answers 503. */
  verifier: SsoVerifier | null;
  /** The MMD client for a verified user: the app's, or one with the user's OBO token. */
  mmdFor(user: SsoUser): MmdClient;
  logger: Logger;
  /** The built tab (dist/tab). */
  staticDir: string;
  /** Sandbox mode only: the development host page folder and a development SSO token. */
  dev?: { staticDir: string; token(): Promise<string> };
  /** Origins allowed to frame the tab (Teams' own); 'self' is always allowed. */
  frameAncestors?: string[];
}

const TEAMS_FRAME_ANCESTORS = ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.office.com', 'https://*.cloud.microsoft'];

const API: { method: 'get' | 'post'; path: string; handler: TabHandler }[] = [
  { method: 'get', path: '/api/tab/me', handler: api.me },
  { method: 'get', path: '/api/tab/summary', handler: api.summary },
  { method: 'get', path: '/api/tab/tickets', handler: api.listTickets },
  { method: 'get', path: '/api/tab/tickets/:id', handler: api.getTicket },
  { method: 'post', path: '/api/tab/tickets/:id/notes', handler: api.addNote },
  { method: 'get', path: '/api/tab/devices', handler: api.searchDevices },
  { method: 'get', path: '/api/tab/devices/failing', handler: api.failingDevices },
  { method: 'get', path: '/api/tab/elevations', handler: api.listElevations },
  { method: 'post', path: '/api/tab/elevations/:id/close', handler: api.closeElevation },
];

function stringParams(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const params: unknown = req.params;
  if (params && typeof params === 'object') for (const [k, v] of Object.entries(params)) if (typeof v === 'string') out[k] = v;
  return out;
}

function toTabError(error: unknown, logger: Logger): TabError {
  if (error instanceof TabError) return error;
  if (error instanceof MmdApiError) {
    if (error.status === 404) return new TabError(404, 'not_found', 'Not found in MMD.');
    logger.warn({ status: error.status, code: error.code, correlationId: error.correlationId }, 'tab: MMD call failed');
    return new TabError(502, 'mmd_error', `The MMD API could not answer (${error.code}${error.correlationId ? `, correlation id ${error.correlationId}` : ''}).`);
  }
  logger.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message } }, 'tab: handler failed');
  return new TabError(500, 'mmd_error', 'Something went wrong; try again.');
}

function isLoopback(req: Request): boolean {
  const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return isIP(address) !== 0 && (address === '127.0.0.1' || address === '::1');
}

export function registerTabRoutes(server: restify.Server, deps: TabRouteDeps): void {
  const { logger } = deps;
  const ancestors = ["'self'", ...(deps.frameAncestors ?? TEAMS_FRAME_ANCESTORS)].join(' ');
  const pageHeaders = {
    // No inline script or style, nothing from elsewhere; only Teams (and this origin) may frame it.
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const bodyParser = restify.plugins.bodyParser({ maxBodySize: 16 * 1024, mapParams: false, mapFiles: false });

  const sendFile = async (res: Response, root: string, relative: string): Promise<void> => {
    const file = await readStatic(root, relative, pageHeaders);
    res.writeHead(file.status, file.headers);
    res.end(file.body);
  };

  server.get('/tab', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });

  if (deps.dev) {
    const dev = deps.dev;
    // Sandbox only, loopback only: a signed-in stand-in for Teams on the developer's machine.
    server.get('/tab/dev/token', async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      if (!isLoopback(req)) {
        res.send(403, { error: 'unauthorized', message: 'Development tokens are served to this machine only.' });
        return;
      }
      try {
        res.send(200, { token: await dev.token() });
      } catch {
        res.send(503, { error: 'sso_unavailable', message: 'The emulator gave no development token.' });
      }
    });
    server.get('/tab/dev/*', async (req, res) => {
      if (!isLoopback(req)) {
        res.send(403, { error: 'unauthorized', message: 'The development host is served to this machine only.' });
        return;
      }
      await sendFile(res, dev.staticDir, req.path().slice('/tab/dev/'.length));
    });
  }

  server.get('/tab/*', async (req, res) => {
    await sendFile(res, deps.staticDir, req.path().slice('/tab/'.length));
  });

  for (const route of API) {
    const handle = async (req: Request, res: Response): Promise<void> => {
      res.setHeader('Cache-Control', 'no-store');
      try {
        if (!deps.verifier) throw new TabError(503, 'tab_not_configured', 'The tab is not configured on this server (TAB_SSO_AUDIENCE).');
        const user = await deps.verifier.verify(req.headers.authorization);
        const url = new URL(req.url ?? '/', 'http://localhost');
        const answer = await route.handler({ user, params: stringParams(req), query: url.searchParams, body: req.body, mmd: deps.mmdFor(user) });
        res.send(answer.status, answer.body);
      } catch (error) {
        const tabError = toTabError(error, logger);
        if (tabError.status === 401) res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        res.send(tabError.status, tabError.body());
      }
    };
    if (route.method === 'get') server.get(route.path, handle);
    else server.post(route.path, bodyParser, handle);
  }
}
