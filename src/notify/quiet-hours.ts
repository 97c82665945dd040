import type { ConversationSettings } from './conversation-settings';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
/** Local time a daily digest goes out. */
const DAILY_DIGEST_AT = '09:00';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:MM" as minutes after midnight; undefined when malformed. */
function parseClock(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** `notify quiet 20:00-08:00`: the window, or undefined when the text is not two HH:MM times. */
export function parseQuietWindow(text: string): { start: string; end: string } | undefined {
  const match = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const [start, end] = [match[1]!.padStart(5, '0'), match[2]!.padStart(5, '0')];
  if (parseClock(start) === undefined || parseClock(end) === undefined || start === end) return undefined;
  return { start, end };
}

/** True for a zone name this runtime knows (Teams sends IANA names such as "America/Los_Angeles"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC at `at` in the conversation's zone (or its fixed offset, or UTC). */
export function offsetMinutes(at: Date, settings: Pick<ConversationSettings, 'timeZone' | 'utcOffsetMinutes'>): number {
  if (settings.timeZone && isTimeZone(settings.timeZone)) {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: settings.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(at);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / MINUTE);
  }
  return settings.utcOffsetMinutes ?? 0;
}

/** Local minutes after midnight (with fractions) at `at`. */
function localMinuteOfDay(at: Date, settings: ConversationSettings): number {
  const local = at.getTime() + offsetMinutes(at, settings) * MINUTE;
  return (((local / MINUTE) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

/** Inside the conversation's quiet window at `at`? */
export function isQuiet(at: Date, settings: ConversationSettings): boolean {
  if (!settings.quiet) return false;
  const start = parseClock(settings.quiet.start);
  const end = parseClock(settings.quiet.end);
  if (start === undefined || end === undefined || start === end) return false;
  const m = localMinuteOfDay(at, settings);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** Are changes for this conversation held at `at` (quiet hours, or a digest mode)? */
export function holdsChanges(at: Date, settings: ConversationSettings): boolean {
  return settings.digest !== 'off' || isQuiet(at, settings);
}

/** The first time strictly after `at` whose local clock reads `minuteOfDay` (or any full hour). */
function nextLocal(at: Date, settings: ConversationSettings, every: 'hour' | number): Date {
  const m = localMinuteOfDay(at, settings);
  let wait: number;
  if (every === 'hour') wait = 60 - (m % 60);
  else wait = every > m ? every - m : DAY_MINUTES - m + every;
  return new Date(at.getTime() + wait * MINUTE);
}

/**
 * When changes held since `heldSince` go out as one digest: the next hourly or daily slot (or
 * at once without a digest mode), pushed to the end of the quiet window if it falls inside.
 */
export function releaseAt(heldSince: Date, settings: ConversationSettings): Date {
  let at = heldSince;
  if (settings.digest === 'hourly') at = nextLocal(at, settings, 'hour');
  if (settings.digest === 'daily') at = nextLocal(at, settings, parseClock(DAILY_DIGEST_AT)!);
  if (isQuiet(at, settings)) at = nextLocal(at, settings, parseClock(settings.quiet!.end)!);
  return at;
}
