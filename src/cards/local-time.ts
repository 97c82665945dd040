/**
 * Times in the reader's time zone. Teams sends each activity's `localTimezone` (an IANA name,
 * "Europe/Paris") and `localTimestamp` (whose offset is the fallback when the name is missing).
 * Cards get `now` either as a plain Date (UTC, as before: notifications, tests) or as a
 * `ZonedNow` carrying the reader's zone, and every exact time they show is in that zone.
 *
 * Where UTC goes: Adaptive Cards have no hover or tooltip for a TextRun, so a "UTC on hover"
 * cannot be built. Every exact time in a zone other than UTC is followed by the same instant in
 * UTC in the same text: "2026-11-19 15:02 Europe/Paris · 14:02 UTC", with the UTC date too when it
 * differs (cards show it as "3 days ago (2026-11-19 15:02 Europe/Paris · 14:02 UTC)"). Admins compare times with tickets, logs and colleagues elsewhere; both are in view.
 */

/** The reader's zone: an IANA name when Teams gave a valid one, else the offset of their local time. */
interface ViewerZone {
  timeZone?: string;
  /** Minutes east of UTC; used only without `timeZone`. */
  offsetMinutes: number;
}

/** "now" with the reader's zone. */
interface ZonedNow {
  at: Date;
  zone: ViewerZone;
}

/** What display cards take as `now`: a Date is UTC. */
export type Now = Date | ZonedNow;

export function instantOf(now: Now): Date {
  return now instanceof Date ? now : now.at;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** One formatter per zone (making one costs far more than using it); null for a zone Intl rejects. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      formatter = null;
    }
    // Bounded: names come from clients; a flood of odd ones must not grow this for ever.
    if (formatters.size < 500) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for an IANA zone name this runtime knows ("Europe/Paris"; "UTC"). */
function isKnownTimeZone(name: string): boolean {
  return name.length <= 64 && formatterFor(name) !== null;
}

/**
 * "now" for a reader: zoned when Teams said where they are, a plain Date (UTC) otherwise. An
 * unknown zone name falls back to the offset; a zone that is UTC stays a plain Date.
 */
export function viewerNow(at: Date, where: { timeZone?: string; offsetMinutes?: number }): Now {
  const name = where.timeZone?.trim();
  if (name && isKnownTimeZone(name) && !/^(Etc\/)?(UTC|GMT|Zulu|UCT)$/i.test(name))
    return { at, zone: { timeZone: name, offsetMinutes: 0 } };
  const offset = where.offsetMinutes ?? 0;
  if (!Number.isInteger(offset) || offset === 0 || Math.abs(offset) > 14 * 60) return at;
  return { at, zone: { offsetMinutes: offset } };
}

interface Wall {
  day: string;
  time: string;
}

function utcWall(date: Date): Wall {
  const iso = date.toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

function zonedWall(date: Date, zone: ViewerZone): Wall {
  const formatter = zone.timeZone ? formatterFor(zone.timeZone) : null;
  if (!formatter) return utcWall(new Date(date.getTime() + zone.offsetMinutes * 60_000));
  const parts = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** "UTC+05:30" for an offset. */
export function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function zoneLabel(zone: ViewerZone): string {
  return zone.timeZone && formatterFor(zone.timeZone) ? zone.timeZone : offsetLabel(zone.offsetMinutes);
}

/**
 * "2026-11-19 14:02 UTC" for UTC readers; "2026-11-19 15:02 Europe/Paris · 14:02 UTC" for the
 * others, with the UTC date when it differs: "2026-11-20 00:30 Asia/Tokyo · 2026-11-19 15:30 UTC".
 */
export function wallClock(date: Date, now: Now | undefined): string {
  const utc = utcWall(date);
  if (now === undefined || now instanceof Date) return `${utc.day} ${utc.time} UTC`;
  const local = zonedWall(date, now.zone);
  const inUtc = local.day === utc.day ? `${utc.time} UTC` : `${utc.day} ${utc.time} UTC`;
  return `${local.day} ${local.time} ${zoneLabel(now.zone)} · ${inUtc}`;
}
