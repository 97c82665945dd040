import { dateTime, exactTime, relativeTime } from '../../src/cards/format';
import { offsetLabel, viewerNow, wallClock } from '../../src/cards/local-time';

const NOW = new Date('2026-11-22T14:00:00Z');

describe('times in the reader’s zone', () => {
  it('a plain Date is UTC, as before', () => {
    expect(dateTime('2026-11-19T14:02:00Z', NOW)).toBe('3 days ago (2026-11-19 14:02 UTC)');
    expect(exactTime('2026-11-19T14:02:00Z')).toBe('2026-11-19 14:02 UTC');
  });

  it('an IANA zone shows local time with UTC beside it, and the UTC date when it differs', () => {
    const paris = viewerNow(NOW, { timeZone: 'Europe/Paris', offsetMinutes: 60 });
    expect(dateTime('2026-11-19T14:02:00Z', paris)).toBe('3 days ago (2026-11-19 15:02 Europe/Paris · 14:02 UTC)');
    // Summer time is the zone's rule for that date, not today's offset.
    expect(exactTime('2026-07-01T14:02:00Z', paris)).toBe('2026-07-01 16:02 Europe/Paris · 14:02 UTC');
    const tokyo = viewerNow(NOW, { timeZone: 'Asia/Tokyo' });
    expect(exactTime('2026-11-19T15:30:00Z', tokyo)).toBe('2026-11-20 00:30 Asia/Tokyo · 2026-11-19 15:30 UTC');
    // Relative times do not depend on the zone.
    expect(relativeTime('2026-11-19T14:02:00Z', tokyo)).toBe(relativeTime('2026-11-19T14:02:00Z', NOW));
  });

  it('without a known zone name the offset is used; UTC and nothing stay plain', () => {
    const offset = viewerNow(NOW, { timeZone: 'Not/AZone', offsetMinutes: -210 });
    expect(exactTime('2026-11-19T14:02:00Z', offset)).toBe('2026-11-19 10:32 UTC-03:30 · 14:02 UTC');
    expect(viewerNow(NOW, { timeZone: 'UTC', offsetMinutes: 0 })).toBe(NOW);
    expect(viewerNow(NOW, { timeZone: 'Etc/UTC' })).toBe(NOW);
    expect(viewerNow(NOW, {})).toBe(NOW);
    expect(viewerNow(NOW, { offsetMinutes: 15 * 60 })).toBe(NOW); // not a real offset
    expect(offsetLabel(330)).toBe('UTC+05:30');
    expect(offsetLabel(-45)).toBe('UTC-00:45');
    expect(wallClock(new Date('2026-11-19T14:02:00Z'), undefined)).toBe('2026-11-19 14:02 UTC');
  });
});
