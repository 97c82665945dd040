import { NOTIFY_VERBS, type NotifyVerb } from '../notify/notify-verbs';

/**
 * Action.Execute (with its Action.Submit fallback) for a notification verb: the same shape as
 * card-action.ts builds, for verbs not yet in the bot's verb table. Merge into card-action.ts
 * once the verb table holds NOTIFY_VERBS. Null when the bot would reject the data.
 */
export function notifyExecute(title: string, verb: NotifyVerb, data: { id: string }) {
  if (!NOTIFY_VERBS[verb].safeParse(data).success) return null;
  return {
    type: 'Action.Execute' as const,
    title,
    verb,
    data: { ...data },
    fallback: { type: 'Action.Submit' as const, title, data: { verb, ...data } },
  };
}
