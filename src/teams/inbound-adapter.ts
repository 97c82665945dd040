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
    return this.processActivity(authorization, withDates(activity), logic);
  }
}

type Timestamps = Record<'timestamp' | 'localTimestamp' | 'expiration', unknown> &
  Record<'rawTimestamp' | 'rawLocalTimestamp' | 'rawExpiration', unknown>;

/**
 * What `process` does to the body before a turn (botbuilder's validateAndFixActivity, not
 * exported): timestamps become Dates and their text is kept as raw* (the forms read the user's
 * UTC offset from rawLocalTimestamp).
 */
function withDates(activity: Activity): Activity {
  const a = activity as unknown as Timestamps;
  const pairs = [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const;
  for (const [field, raw] of pairs) {
    const value = a[field];
    if (typeof value === 'string') {
      a[raw] = value;
      a[field] = new Date(value);
    }
  }
  return activity;
}
