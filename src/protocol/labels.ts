/**
 * The one display vocabulary: every enum a person reads (in chat cards, notifications, the audit
 * and the tab) goes through valueLabel, so "PasswordSucceeded", "falsePositive", "NonCompliant"
 * and "resolved" read "Password set", "False positive", "Non-compliant" and "Resolved" everywhere.
 * Free text (titles, names) never goes through it. Output is plain text: escape it as any other.
 */
import { graphEnumLabel, isKnownGraphValue } from '../graph/graph-enums';

/** Values of the MMD API and Intune, keyed without case, spaces, `_` or `-`. */
const MMD_LABELS = new Map<string, string>([
  // Device compliance and configuration deployment (document 001).
  ['compliant', 'Compliant'],
  ['noncompliant', 'Non-compliant'],
  ['notapplicable', 'Not applicable'],
  ['ingraceperiod', 'In grace period'],
  ['inprogress', 'In progress'],
  ['succeeded', 'Succeeded'],
  ['success', 'Success'],
  ['failed', 'Failed'],
  ['error', 'Error'],
  ['pending', 'Pending'],
  ['conflict', 'Conflict'],
  // Ticket states.
  ['new', 'New'],
  ['active', 'Active'],
  ['resolved', 'Resolved'],
  ['closed', 'Closed'],
  // Elevation details' password status (document 001 shows "PasswordSucceeded").
  ['passwordsucceeded', 'Password set'],
  ['passwordfailed', 'Password could not be set'],
  ['passwordpending', 'Password being set'],
  ['passwordinprogress', 'Password being set'],
  ['passwordexpired', 'Password expired'],
]);

const key = (raw: string) => raw.replace(/[\s_-]+/g, '').toLowerCase();

/** "someValueLikeThis" or "SomeValue" as "Some value like this"; other text as given. */
function words(raw: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(raw) || !/[a-z][A-Z]/.test(raw)) return raw;
  const spaced = raw.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The label of an enum value from any of our services: MMD and Intune words first, then Graph's
 * enums, then an identifier-like value split into words ("PasswordReset" → "Password reset");
 * anything else as given, trimmed. Blank or missing is `empty`.
 */
export function valueLabel(raw: string | null | undefined, empty = '—'): string {
  const trimmed = raw?.trim() ?? '';
  if (!trimmed) return empty;
  const mmd = MMD_LABELS.get(key(trimmed));
  if (mmd) return mmd;
  if (isKnownGraphValue(trimmed)) return graphEnumLabel(trimmed);
  return words(trimmed);
}
