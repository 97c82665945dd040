import type { ConversationSettings } from '../../src/notify/conversation-settings';
import { holdsChanges, isQuiet, offsetMinutes, parseQuietWindow, releaseAt } from '../../src/notify/quiet-hours';

const at = (iso: string) => new Date(iso);

describe('parseQuietWindow', () => {
  it('reads HH:MM-HH:MM and refuses anything else', () => {
    expect(parseQuietWindow('20:00-08:00')).toEqual({ start: '20:00', end: '08:00' });
    expect(parseQuietWindow(' 9:30 - 17:00 ')).toEqual({ start: '09:30', end: '17:00' });
    for (const bad of ['25:00-08:00', '20:00', '20:00-20:00', 'soon', '20:60-08:00']) expect(parseQuietWindow(bad)).toBeUndefined();
  });
});

describe('quiet hours', () => {
  const berlin: ConversationSettings = { digest: 'off', quiet: { start: '20:00', end: '08:00' }, timeZone: 'Europe/Berlin' };

  it('uses the IANA zone (with its daylight saving) and falls back to the fixed offset', () => {
    expect(offsetMinutes(at('2026-01-15T12:00:00Z'), berlin)).toBe(60);
    expect(offsetMinutes(at('2026-07-15T12:00:00Z'), berlin)).toBe(120);
    expect(offsetMinutes(at('2026-07-15T12:00:00Z'), { utcOffsetMinutes: -300 })).toBe(-300);
    expect(offsetMinutes(at('2026-07-15T12:00:00Z'), { timeZone: 'Not/AZone', utcOffsetMinutes: 330 })).toBe(330);
  });

  it('holds inside an overnight window in local time, not outside it', () => {
    expect(isQuiet(at('2026-01-15T19:30:00Z'), berlin)).toBe(true); // 20:30 Berlin
    expect(isQuiet(at('2026-01-16T06:59:00Z'), berlin)).toBe(true); // 07:59
    expect(isQuiet(at('2026-01-16T07:00:00Z'), berlin)).toBe(false); // 08:00
    expect(isQuiet(at('2026-01-15T18:59:00Z'), berlin)).toBe(false); // 19:59
    expect(holdsChanges(at('2026-01-15T12:00:00Z'), berlin)).toBe(false);
    expect(holdsChanges(at('2026-01-15T12:00:00Z'), { digest: 'hourly' })).toBe(true);
  });

  it('releases at the end of the quiet window, the next full hour, or the next 09:00', () => {
    expect(releaseAt(at('2026-01-15T21:00:00Z'), berlin).toISOString()).toBe('2026-01-16T07:00:00.000Z');
    expect(releaseAt(at('2026-01-15T12:10:00Z'), { digest: 'hourly' }).toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(releaseAt(at('2026-01-15T12:10:00Z'), { digest: 'daily', timeZone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-01-16T08:00:00.000Z',
    );
    // An hourly slot inside quiet hours moves to the window's end.
    expect(releaseAt(at('2026-01-15T19:10:00Z'), { ...berlin, digest: 'hourly' }).toISOString()).toBe('2026-01-16T07:00:00.000Z');
  });
});
