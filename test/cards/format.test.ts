import {
  dateTime,
  exactTime,
  months,
  parseDate,
  relativeTime,
  severityColor,
  severityName,
  showingRange,
  statusRank,
  statusView,
  ticketStateColor,
  ticketStateLabel,
  ticketTypeLabel,
  yesNo,
} from '../../src/cards/format';

const NOW = new Date('2026-11-22T14:02:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

describe('dates', () => {
  it('treats 0001-01-01, garbage, blanks and null as no date', () => {
    for (const v of ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00', 'not a date', '', '  ', null, undefined]) {
      expect(parseDate(v)).toBeNull();
      expect(relativeTime(v, NOW)).toBe('—');
      expect(exactTime(v)).toBe('—');
      expect(dateTime(v, NOW)).toBe('—');
    }
  });

  it('writes the relative form plus the exact UTC time', () => {
    expect(dateTime('2026-11-19T14:02:00Z', NOW)).toBe('3 days ago (2026-11-19 14:02 UTC)');
    expect(dateTime('2021-07-05T09:22:13.729238Z', NOW)).toBe('5 years ago (2021-07-05 09:22 UTC)');
    expect(exactTime('2026-11-19T16:02:00+02:00')).toBe('2026-11-19 14:02 UTC');
  });

  it.each([
    [10, 'just now'],
    [44, 'just now'],
    [60, '1 minute ago'],
    [5 * 60, '5 minutes ago'],
    [60 * 60, '1 hour ago'],
    [5 * 3600, '5 hours ago'],
    [23 * 3600, '1 day ago'],
    [3 * 86400, '3 days ago'],
    [30 * 86400, '1 month ago'],
    [100 * 86400, '3 months ago'],
    [400 * 86400, '1 year ago'],
    [3 * 365.25 * 86400, '3 years ago'],
  ])('%i seconds ago reads "%s"', (seconds, expected) => {
    expect(relativeTime(ago(seconds), NOW)).toBe(expected);
  });

  it('writes future times as "in …"', () => {
    expect(relativeTime(ago(-2 * 3600), NOW)).toBe('in 2 hours');
    expect(relativeTime(ago(-86400 * 2), NOW)).toBe('in 2 days');
  });
});

describe('severity and ticket enums', () => {
  it('names severities, shows unknown numbers as given', () => {
    expect([1, 2, 3, 4].map(severityName)).toEqual(['Critical', 'High', 'Moderate', 'Low']);
    expect(severityName(7)).toBe('7');
    expect(severityName(0)).toBe('0');
    expect(severityName(null)).toBe('—');
    expect(severityName(Number.NaN)).toBe('—');
    expect([1, 2, 3, 4, null].map(severityColor)).toEqual(['Attention', 'Default', 'Default', 'Default', 'Default']);
  });

  it('normalises drifting ticket types', () => {
    for (const t of ['ChangeRequest', 'Change Request', ' change request ', 'change_request']) {
      expect(ticketTypeLabel(t)).toBe('Change request');
    }
    expect(ticketTypeLabel('RequestForInformation')).toBe('Request for information');
    expect(ticketTypeLabel('Incident')).toBe('Incident');
    expect(ticketTypeLabel('constructor')).toBe('constructor');
    expect(ticketTypeLabel('Other ')).toBe('Other');
    expect(ticketTypeLabel(null)).toBe('—');
    expect(ticketTypeLabel('  ')).toBe('—');
  });

  it('labels and colours ticket states', () => {
    expect(ticketStateLabel('active')).toBe('Active');
    expect(ticketStateLabel(' resolved')).toBe('Resolved');
    expect(ticketStateLabel(null)).toBe('—');
    expect(ticketStateColor('active')).toBe('Accent');
    expect(ticketStateColor('Resolved')).toBe('Good');
    expect(ticketStateColor('weird')).toBe('Default');
  });
});

describe('statusView', () => {
  it('shows good, failed, warning, pending and neutral statuses distinctly', () => {
    expect(statusView('Compliant')).toEqual({ text: '✅ Compliant', color: 'Good', subtle: false });
    expect(statusView('Success')).toEqual({ text: '✅ Success', color: 'Good', subtle: false });
    expect(statusView('Failed')).toEqual({ text: '❌ Failed', color: 'Attention', subtle: false });
    expect(statusView('Error')).toEqual({ text: '❌ Error', color: 'Attention', subtle: false });
    expect(statusView('NonCompliant')).toEqual({ text: '❌ Non-compliant', color: 'Attention', subtle: false });
    expect(statusView('Conflict')).toEqual({ text: '⚠️ Conflict', color: 'Default', subtle: false });
    expect(statusView('Pending')).toEqual({ text: '⏳ Pending', color: 'Default', subtle: false });
    expect(statusView('NotApplicable')).toEqual({ text: 'Not applicable', color: 'Default', subtle: true });
    expect(statusView('Unknown')).toEqual({ text: 'Unknown', color: 'Default', subtle: true });
    expect(statusView(null)).toEqual({ text: '—', color: 'Default', subtle: true });
  });

  it('shows unknown statuses as given, escaped', () => {
    expect(statusView(' [x](https://evil.example) ')).toEqual({ text: '[x](https://evil.example)', color: 'Default', subtle: true });
  });

  it('does not trip over prototype names from the API', () => {
    expect(statusView('constructor')).toEqual({ text: 'constructor', color: 'Default', subtle: true });
    expect(statusView('__proto__').color).toBe('Default');
    expect(statusRank('toString')).toBe(4);
  });

  it('ranks problems first', () => {
    const sorted = ['Success', 'NotApplicable', 'Failed', 'Pending', 'Conflict', null].sort((a, b) => statusRank(a) - statusRank(b));
    expect(sorted).toEqual(['Failed', 'Conflict', 'Pending', 'Success', 'NotApplicable', null]);
  });
});

describe('small formatters', () => {
  it('formats yes/no, months and ranges', () => {
    expect([true, false, null, undefined].map(yesNo)).toEqual(['Yes', 'No', '—', '—']);
    expect(months(9.274547)).toBe('9.3 months');
    expect(months(0.96)).toBe('1.0 month');
    expect(months(0)).toBe('0.0 months');
    expect(months(null)).toBe('—');
    expect(months(Number.POSITIVE_INFINITY)).toBe('—');
    expect(showingRange(10, 10)).toBe('Showing 11–20');
    expect(showingRange(0, 3)).toBe('Showing 1–3');
    expect(showingRange(0, 10, { total: 60 })).toBe('Showing 1–10 of 60');
    expect(showingRange(0, 10, { more: true })).toBe('Showing 1–10, more exist');
    expect(showingRange(0, 0, { total: 0 })).toBe('');
    expect(showingRange(0, 0)).toBe('');
  });
});
