import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger';

/**
 * The last fence: anything a turn throws past the handlers' own guard is logged with a
 * correlation id, and the user hears that something went wrong, with that id and nothing else.
 */
export function createOnTurnError(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = randomUUID();
    logger.error({ correlationId, activityId: context.activity?.id, err: error }, 'unhandled error in turn');
    if (context.activity?.type === 'invoke') return; // the adapter answers the invoke with 500
    try {
      await context.sendActivity(
        `Sorry, something went wrong on my side. If it keeps happening, give your administrator this reference: ${correlationId}`,
      );
    } catch (sendError) {
      logger.warn({ correlationId, err: sendError }, 'could not tell the user about the error');
    }
  };
}
