/**
 * The personal tab on the bot's server: its static files under /tab, its JSON API under
 * /api/tab (every answer after the SSO token check) and, in sandbox mode only, the development
 * host page and token (see dev-host.ts).
 */
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

/** `/api/tab/tickets/:id` against a path: the named segments, or null when it does not match. */
function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (!g) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

/** A small JSON body (a note, a close reason): capped, JSON only, no content encoding. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') throw new TabError(415, 'bad_request', 'Send the body uncompressed.');
  if (!type.startsWith('application/json')) throw new TabError(415, 'bad_request', 'Send JSON.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new TabError(413, 'bad_request', 'The request body is too large.');
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new TabError(400, 'bad_request', 'The request body is not valid JSON.');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function toTabError(error: unknown, logger: Logger): TabError {
  if (error instanceof TabError) return error;
  if (error instanceof MmdApiError) {
    if (error.status === 404) return new TabError(404, 'not_found', 'Not found in MMD.');
    logger.warn({ status: error.status, code: error.code, correlationId: error.correlationId }, 'tab: MMD call failed');
    return new TabError(
      502,
      'mmd_error',
      `The MMD API could not answer (${error.code}${error.correlationId ? `, correlation id ${error.correlationId}` : ''}).`,
    );
  }
  logger.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message } }, 'tab: handler failed');
  return new TabError(500, 'mmd_error', 'Something went wrong; try again.');
}

function isLoopback(req: IncomingMessage): boolean {
  const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return isIP(address) !== 0 && (address === '127.0.0.1' || address === '::1');
}

/** Answers a request when it is the tab's (true), or leaves it to the server (false). */
export type TabRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The tab's routes as one node:http handler, mounted by the bot's server before its 404. */
export function createTabHandler(deps: TabRouteDeps): TabRequestHandler {
  const { logger } = deps;
  const ancestors = ["'self'", ...(deps.frameAncestors ?? TEAMS_FRAME_ANCESTORS)].join(' ');
  const pageHeaders = {
    // No inline script or style, nothing from elsewhere; only Teams (and this origin) may frame it.
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };

  const sendFile = async (res: ServerResponse, root: string, relative: string): Promise<void> => {
    const file = await readStatic(root, relative, pageHeaders);
    res.writeHead(file.status, file.headers);
    res.end(file.body);
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const method = (req.method ?? 'GET').toLowerCase();
    for (const route of API) {
      const params = matchPath(route.path, url.pathname);
      if (!params) continue;
      res.setHeader('Cache-Control', 'no-store');
      if (route.method !== method) {
        sendJson(res, 405, { error: 'bad_request', message: `Use ${route.method.toUpperCase()}.` });
        return true;
      }
      try {
        if (!deps.verifier) throw new TabError(503, 'tab_not_configured', 'The tab is not configured on this server (TAB_SSO_AUDIENCE).');
        const user = await deps.verifier.verify(req.headers.authorization);
        const correlationId = randomUUID();
        const role = await deps.policy.permit(user, route.useCase, route.what(params), correlationId);
        const body = method === 'post' ? await readJson(req) : undefined;
        const answer = await route.handler({
          user,
          role,
          params,
          query: url.searchParams,
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
      return true;
    }
    return false;
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/api/tab/')) return api(req, res, url);
    if (path !== '/tab' && !path.startsWith('/tab/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'bad_request', message: 'Use GET.' });
      return true;
    }
    if (path === '/tab') {
      res.writeHead(302, { Location: '/tab/' });
      res.end();
      return true;
    }
    if (deps.dev && path.startsWith('/tab/dev/')) {
      const dev = deps.dev;
      // Sandbox only, loopback only: a signed-in stand-in for Teams on the developer's machine.
      if (!isLoopback(req)) {
        sendJson(res, 403, { error: 'unauthorized', message: 'The development host is served to this machine only.' });
        return true;
      }
      if (path === '/tab/dev/token') {
        res.setHeader('Cache-Control', 'no-store');
        try {
          sendJson(res, 200, { token: await dev.token() });
        } catch {
          sendJson(res, 503, { error: 'sso_unavailable', message: 'The emulator gave no development token.' });
        }
        return true;
      }
      await sendFile(res, dev.staticDir, path.slice('/tab/dev/'.length));
      return true;
    }
    await sendFile(res, deps.staticDir, path.slice('/tab/'.length));
    return true;
  };
}
