import type { Activity, ActivityTimestamps } from 'botbuilder';

/**
 * The user's UTC offset in minutes, from the activity's local timestamp (Teams sends
 * "2026-11-22T15:02:00.000+01:00"); 0 when it is missing or unreadable. Used to turn the day
 * and time typed in a form into an instant.
 */
export function utcOffsetMinutes(activity: Partial<Activity>): number {
  // botbuilder turns localTimestamp into a Date (losing the offset) and keeps the text here.
  const raw = (activity as ActivityTimestamps).rawLocalTimestamp;
  const match = typeof raw === 'string' ? /([+-])(\d{2}):?(\d{2})$/.exec(raw.trim()) : null;
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 14 * 60) return 0;
  return match[1] === '-' ? -minutes : minutes;
}
