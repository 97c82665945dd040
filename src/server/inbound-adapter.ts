import { CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';

/**
 * botbuilder's CloudAdapter, entered with an activity we parsed and checked ourselves instead of
 * a framework request: `process(req, res)` wants express/restify objects, prints errors with
 * `console.error` and echoes their messages (JWT library text) into the response body.
 * Authentication is still botbuilder's own (`processActivity` validates the header first).
 */
export class InboundAdapter extends CloudAdapter {
  handleActivity(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}
