import { z } from 'zod';
import { cleanStringsDeep, cleanText } from '../intents/clean-text';
import { RequestProblem } from './request-problem';

const optionalString = z.string().optional();
const account = z.looseObject({ id: z.string().min(1), name: optionalString, aadObjectId: optionalString });

/**
 * The fields botbuilder and the bot read without checking their type. Anything else is passed
 * through as it came (loose objects), so new Teams fields keep working.
 */
const ActivityShape = z
  .looseObject({
    type: z.string().min(1).max(100),
    serviceUrl: z.url({ protocol: /^https?$/ }),
    conversation: z.looseObject({
      id: z.string().min(1),
      conversationType: optionalString,
      tenantId: optionalString,
      isGroup: z.boolean().optional(),
    }),
    from: account,
    recipient: account.partial({ id: true }).optional(),
    id: optionalString,
    channelId: optionalString,
    name: optionalString,
    text: optionalString,
    replyToId: optionalString,
    locale: optionalString,
    timestamp: optionalString,
    localTimestamp: optionalString,
    expiration: optionalString,
    deliveryMode: optionalString,
    channelData: z.looseObject({}).optional(),
    attachments: z.array(z.looseObject({})).optional(),
    entities: z.array(z.looseObject({})).optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
  })
  .superRefine((activity, ctx) => {
    // botbuilder's invoke dispatch reads value.action.type, value.kind, value.botMessagePreviewAction
    // and so on without checking value; Teams always sends an object there.
    if (activity.type !== 'invoke') return;
    const value = activity.value;
    if (!isObject(value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'an invoke needs a value object' });
    } else if (activity.name === 'adaptiveCard/action' && !isObject(value.action)) {
      ctx.addIssue({ code: 'custom', path: ['value', 'action'], message: 'an Action.Execute invoke needs value.action' });
    }
  });

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

export type InboundActivity = z.infer<typeof ActivityShape>;

/**
 * A parsed JSON body checked to be an activity, with NUL and bidi override characters removed
 * from the user's text and from the strings of `value` (card submits, invoke data). A body that
 * is not one is a 400 naming the first bad field; the adapter never sees it.
 */
export function parseActivity(body: unknown): InboundActivity {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestProblem(400, 'The request body must be a JSON activity object.');
  }
  const result = ActivityShape.safeParse(body);
  if (!result.success) {
    const field = result.error.issues[0]?.path.map(String).join('.') || 'activity';
    throw new RequestProblem(400, `The activity is malformed (${field.slice(0, 80)}).`);
  }
  const activity = result.data;
  if (activity.text !== undefined) activity.text = cleanText(activity.text);
  if ('value' in activity) activity.value = cleanStringsDeep(activity.value);
  return activity;
}
