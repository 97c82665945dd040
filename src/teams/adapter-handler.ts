import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from '../log/logger';
import type { InboundActivity } from '../server/activity-shape';
import type { InboundAdapter } from './inbound-adapter';
import { withQuietConsole } from './quiet-console';
import type { ActivityHandlerFn, HttpAnswer } from '../server/server';

/** Errors from the inbound token check (botbuilder's own, or the JWT library's it re-throws). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

export function isTokenRejection(err: unknown): boolean {
  if (err instanceof AuthenticationError) return true;
  const name = err && typeof err === 'object' && 'name' in err ? String(err.name) : '';
  return TOKEN_ERRORS.has(name);
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
}): ActivityHandlerFn {
  const { adapter, logic, logger } = options;
  return async (activity: InboundActivity, authorization: string): Promise<HttpAnswer> => {
    try {
      // The shape was checked at the edge; botbuilder's Activity type is the same object.
      const response = await withQuietConsole(() =>
        adapter.handleActivity(authorization, activity as unknown as Activity, logic),
      );
      const status = response?.status ?? 200;
      if (status === 501 && response?.body === undefined) {
        return { status, body: { error: 'This invoke is not implemented by this bot.' } };
      }
      return { status, body: response?.body };
    } catch (err) {
      if (isTokenRejection(err)) {
        const reason = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 160) : 'rejected';
        logger.warn({ reason, activityType: activity.type }, 'inbound token rejected');
        return { status: 401, body: { error: 'Unauthorized' } };
      }
      throw err;
    }
  };
}
