import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from '../log/logger';
import type { InboundActivity } from '../server/activity-shape';
import type { InboundAdapter } from './inbound-adapter';
import { withQuietConsole } from './quiet-console';
import type { ActivityHandlerFn, HttpAnswer } from '../server/server';

/** Errors from the inbound token check (botbuilder's own, or the JWT library's it re-throws). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

function isTokenRejection(err: unknown): boolean {
  if (err instanceof AuthenticationError) return true;
  const name = err && typeof err === 'object' && 'name' in err ? String(err.name) : '';
  return TOKEN_ERRORS.has(name);
}

/** The claims of a JWT, unverified (botbuilder verifies the signature afterwards), or null. */
function claimsOf(authorization: string): Record<string, unknown> | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * What makes a token not a Bot Framework channel token, before botbuilder looks at it: only the
 * channel (Teams through Azure Bot Service) talks to this bot, so Emulator, skill and Entra v1/v2
 * shaped tokens are refused outright, and a token must expire (botbuilder accepts one without
 * `exp`). Null when it may go on to botbuilder's signature check.
 */
function channelTokenProblem(authorization: string, issuer: string): string | null {
  const claims = claimsOf(authorization);
  if (!claims) return 'not a JWT bearer token';
  if (claims.iss !== issuer) return 'not issued by the Bot Framework channel';
  if (typeof claims.exp !== 'number') return 'the token has no expiry (exp)';
  return null;
}

/** A failure to reach a server (fetch's TypeError with a network cause, or a failed metadata load). */
function isNetworkFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const cause = (err as { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : '';
  return (
    /fetch failed|Failed to load openID config|Failed to load Keys|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|socket hang up/i.test(
      err.message,
    ) || /^E[A-Z]+$/.test(code)
  );
}

/**
 * The /api/messages handler for botbuilder: run the turn through the adapter (which checks the
 * token), and turn its outcomes into short answers. A rejected token is a 401 logged once at
 * warn with the reason; an invoke nobody handles is the Bot Framework's 501 "not implemented".
 */
export function createAdapterHandler(options: {
  adapter: InboundAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** With inbound auth on: the issuer of Bot Framework channel tokens, the only ones accepted. */
  channelIssuer?: string;
}): ActivityHandlerFn {
  const { adapter, logic, logger } = options;
  const unauthorized = (reason: string, activityType: string): HttpAnswer => {
    logger.warn({ reason, activityType }, 'inbound token rejected');
    return { status: 401, body: { error: 'Unauthorized' } };
  };
  return async (activity: InboundActivity, authorization: string): Promise<HttpAnswer> => {
    if (options.channelIssuer) {
      const problem = channelTokenProblem(authorization, options.channelIssuer);
      if (problem) return unauthorized(problem, activity.type);
    }
    // Whether the turn itself began: anything thrown before it is the token check's.
    let started = false;
    try {
      // The shape was checked at the edge; botbuilder's Activity type is the same object.
      const response = await withQuietConsole(() =>
        adapter.handleActivity(authorization, activity as unknown as Activity, (context) => {
          started = true;
          return logic(context);
        }),
      );
      const status = response?.status ?? 200;
      if (status === 501 && response?.body === undefined) {
        return { status, body: { error: 'This invoke is not implemented by this bot.' } };
      }
      return { status, body: response?.body };
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 160) : 'rejected';
      if (started) throw err;
      // The check could not be made (Microsoft's OpenID metadata or keys unreachable): not the
      // caller's fault and not ours to crash on. Teams retries a 503.
      if (isNetworkFailure(err)) {
        logger.warn({ reason, activityType: activity.type }, 'inbound token not checked: OpenID metadata or keys unreachable');
        return { status: 503, body: { error: 'The token could not be checked just now; try again.' } };
      }
      // A rejection, or anything else the check threw on (a token shape botbuilder trips over): not verified, so refused.
      return unauthorized(isTokenRejection(err) ? reason : `not verifiable: ${reason}`, activity.type);
    }
  };
}
