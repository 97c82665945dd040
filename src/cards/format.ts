import { ticketTypeLabel as typeLabel } from '../mmd/enums';
import { plain, words, type Plain } from './escape';
import { valueLabel } from '../protocol/labels';
import { instantOf, wallClock, type Now } from './local-time';

/**
 * Display formatting shared by the cards: dates, severities, ticket types and statuses. Pure
 * functions; "now" is always passed in so cards (and their tests) are deterministic. Results are
 * plain display strings: escape them with plain() where they may carry API text (ticketTypeLabel,
 * ticketStateLabel); cards show them in TextRuns, as typed.
 */

const DASH = words('—');

/** Parses an API date. Invalid dates and .NET's "no date" (0001-01-01) are null. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value || !value.trim()) return null;
  const date = new Date(value.trim());
  const time = date.getTime();
  // Year 1 (the service's DateTime.MinValue) and anything before 1970 mean "never".
  if (Number.isNaN(time) || time <= 0) return null;
  return date;
}

const UNITS: Array<[limitSeconds: number, seconds: number, unit: string]> = [
  [45 * 60, 60, 'minute'],
  [22 * 3600, 3600, 'hour'],
  [26 * 86400, 86400, 'day'],
  [320 * 86400, 30.44 * 86400, 'month'],
  [Number.POSITIVE_INFINITY, 365.25 * 86400, 'year'],
];

/** "3 days ago", "in 2 hours", "just now"; a dash for no date. The same in every zone. */
export function relativeTime(value: string | null | undefined, now: Now): Plain {
  const date = parseDate(value);
  if (!date) return DASH;
  const diff = (instantOf(now).getTime() - date.getTime()) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return words('just now');
  const [, seconds, unit] = UNITS.find(([limit]) => abs < limit) ?? UNITS[UNITS.length - 1]!;
  const n = Math.max(1, Math.round(abs / seconds));
  const amount = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return words(diff > 0 ? `${amount} ago` : `in ${amount}`);
}

/**
 * "2026-11-19 14:02 UTC", or in the reader's zone when `now` carries one: "2026-11-19 15:02
 * Europe/Paris · 14:02 UTC" (see local-time.ts for why UTC is in the text); a dash for no date.
 */
export function exactTime(value: string | null | undefined, now?: Now): Plain {
  const date = parseDate(value);
  if (!date) return DASH;
  return words(wallClock(date, now));
}

/** "3 days ago (2026-11-19 14:02 UTC)", the exact time in the reader's zone; a dash for no date. */
export function dateTime(value: string | null | undefined, now: Now): Plain {
  const date = parseDate(value);
  if (!date) return DASH;
  return words(`${relativeTime(value, now)} (${exactTime(value, now)})`);
}

// Maps, not object literals: an API value like "constructor" must not find a prototype member.
const SEVERITIES = new Map<number, string>([
  [1, 'Critical'],
  [2, 'High'],
  [3, 'Moderate'],
  [4, 'Low'],
]);

/**
 * 1 Critical, 2 High, 3 Moderate, 4 Low; an unknown number shows as the number, none as the
 * dash. (src/mmd/enums.ts severityName says "Unknown (n)": cards show the bare value instead.)
 */
export function severityName(severity: number | null | undefined): Plain {
  if (severity === null || severity === undefined || Number.isNaN(severity)) return DASH;
  return words(SEVERITIES.get(severity) ?? String(severity));
}

/** "Change request" for "Change Request"/"ChangeRequest"; unknown trimmed, as given (escape it); none the dash. */
export function ticketTypeLabel(type: string | null | undefined): string {
  const label = type === null || type === undefined ? '' : typeLabel(type);
  return label.trim() ? label : DASH;
}

/** Adaptive Card text colours we use: no 'Warning' (yellow on white), no 'Light'/'Dark' (vanish on one theme). */
export type TextColor = 'Default' | 'Good' | 'Attention' | 'Accent';

/** How a status is shown: its own words plus an icon and a colour, so states differ at a glance. */
export interface StatusView {
  /** Icon and label, for a TextRun: "✅ Compliant". */
  text: Plain;
  color: TextColor;
  subtle: boolean;
}

type Tone = 'good' | 'attention' | 'warning' | 'pending' | 'neutral';

const TONES = new Map<string, Tone>([
  ['compliant', 'good'],
  ['success', 'good'],
  ['succeeded', 'good'],
  ['successful', 'good'],
  ['installed', 'good'],
  ['noncompliant', 'attention'],
  ['failed', 'attention'],
  ['failure', 'attention'],
  ['error', 'attention'],
  ['conflict', 'warning'],
  ['ingraceperiod', 'warning'],
  ['pending', 'pending'],
  ['inprogress', 'pending'],
  ['notapplicable', 'neutral'],
  ['unknown', 'neutral'],
]);

const TONE_VIEW: Record<Tone, { icon: string; color: TextColor; subtle: boolean }> = {
  good: { icon: '✅', color: 'Good', subtle: false },
  attention: { icon: '❌', color: 'Attention', subtle: false },
  // Yellow text is unreadable on white: the icon and the words carry the warning.
  warning: { icon: '⚠️', color: 'Default', subtle: false },
  pending: { icon: '⏳', color: 'Default', subtle: false },
  neutral: { icon: '', color: 'Default', subtle: true },
};

/**
 * Compliance and deployment statuses: Compliant/Success green with ✅, Failed/Error/NonCompliant
 * red with ❌, Pending with ⏳, NotApplicable/Unknown subtle; unknown words subtle, as given.
 */
export function statusView(status: string | null | undefined): StatusView {
  const trimmed = status?.trim() ?? '';
  if (!trimmed) return { text: DASH, color: 'Default', subtle: true };
  const key = trimmed.replace(/[\s_-]+/g, '').toLowerCase();
  const { icon, color, subtle } = TONE_VIEW[TONES.get(key) ?? 'neutral'];
  const label = plain(valueLabel(trimmed));
  return { text: icon ? words(`${icon} ${label}`) : label, color, subtle };
}

/**
 * Severity colour: critical red, others default. High was yellow ('Warning'), unreadable on the
 * light theme; colours used are Attention/Good/Accent/Default, readable in light, dark and
 * high-contrast, with the words always saying the same.
 */
export function severityColor(severity: number | null | undefined): TextColor {
  if (severity === 1) return 'Attention';
  return 'Default';
}

/** Ticket state ("active", "resolved", ...) capitalised, unknown as given. */
export function ticketStateLabel(state: string | null | undefined): string {
  const trimmed = state?.trim() ?? '';
  if (!trimmed) return DASH;
  const label = valueLabel(trimmed);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function ticketStateColor(state: string | null | undefined): TextColor {
  const key = state?.trim().toLowerCase();
  if (key === 'active') return 'Accent';
  if (key === 'resolved' || key === 'closed') return 'Good';
  return 'Default';
}

/** true Yes, false No, null dash. */
export function yesNo(value: boolean | null | undefined): Plain {
  if (value === true) return words('Yes');
  if (value === false) return words('No');
  return DASH;
}

/** Device age: "9.3 months" (one decimal). */
export function months(value: number | null | undefined): Plain {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const rounded = Math.round(value * 10) / 10;
  return words(`${rounded.toFixed(1)} ${rounded === 1 ? 'month' : 'months'}`);
}

/**
 * "Showing 11–20 of 60" when the total is known, "Showing 11–20, more exist" when more follow
 * and nobody said how many, "Showing 11–20" otherwise; empty for none.
 */
export function showingRange(skip: number, count: number, how: { total?: number; more?: boolean } = {}): Plain {
  if (count <= 0) return words('');
  const range = `Showing ${skip + 1}–${skip + count}`;
  if (how.total !== undefined) return words(`${range} of ${how.total}`);
  return words(how.more ? `${range}, more exist` : range);
}

/** Sort key that puts problems first: failed, then warnings, pending, good, the rest. */
export function statusRank(status: string | null | undefined): number {
  const key = status?.replace(/[\s_-]+/g, '').toLowerCase() ?? '';
  const order: Record<Tone, number> = { attention: 0, warning: 1, pending: 2, good: 3, neutral: 4 };
  return order[TONES.get(key) ?? 'neutral'];
}
