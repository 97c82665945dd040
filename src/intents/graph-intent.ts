/**
 * The Graph commands: security incidents and Intune enrollment failures. Matched only in their
 * own phrasings ("incidents active high", "incident 1042", "new incident", "enrollment failures
 * MMD-00001", "report enrollment failure MMD-00001"); anything else about incidents keeps its
 * older meaning (MMD support tickets, e.g. "critical incidents").
 */
import { isDeviceName, isUpn } from './entities';
import type { Intent } from './intent';
import type { Token } from './tokens';
import { FILLERS } from './vocabulary';

/** Graph's spellings (src/graph/graph-enums.ts); the chat offers the usual ones. */
const STATUSES: ReadonlySet<string> = new Set(['active', 'resolved', 'redirected']);
const SEVERITIES: ReadonlySet<string> = new Set(['high', 'medium', 'low', 'informational']);
const FAILURE_WORDS: ReadonlySet<string> = new Set(['failure', 'failures', 'errors', 'error', 'events']);
/** v1.0 incident ids are numbers; the beta example uses a GUID. */
const INCIDENT_ID = /^(\d{1,20}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** In the order of the sets above, each once. */
const pick = (words: string[], known: ReadonlySet<string>): string[] => [...known].filter((w) => words.includes(w));

function incidents(rest: readonly Token[]): Intent | undefined {
  const words = rest.map((t) => t.lower);
  if (!words.every((w) => STATUSES.has(w) || SEVERITIES.has(w))) return undefined;
  return { kind: 'incidents', statuses: pick(words, STATUSES), severities: pick(words, SEVERITIES) };
}

/** "enrollment failures [device|user]": a UPN is a user, one other word a device name. */
function scope(rest: readonly Token[]): { deviceName?: string; user?: string } | undefined {
  if (rest.length === 0) return {};
  const first = rest[0] as Token;
  if (rest.length > 1) return undefined;
  if (isUpn(first.raw)) return { user: first.lower };
  return isDeviceName(first.raw) ? { deviceName: first.raw } : undefined;
}

/** The Graph intent of the message, or undefined when it is not one of the Graph commands. */
export function graphIntent(tokens: readonly Token[]): Intent | undefined {
  let words = tokens.filter((t) => !FILLERS.has(t.lower) || t.lower === 'new');
  const at = (i: number): string | undefined => words[i]?.lower;
  if (at(0) === 'security') words = words.slice(1);
  if (at(0) === 'new' && (at(1) === 'incident' || (at(1) === 'security' && at(2) === 'incident'))) {
    return words.length === (at(1) === 'security' ? 3 : 2) ? { kind: 'newIncident' } : undefined;
  }
  if (at(0) === 'incidents') return incidents(words.slice(1));
  if (at(0) === 'incident' && words.length === 2 && INCIDENT_ID.test((words[1] as Token).raw))
    return { kind: 'incident', id: (words[1] as Token).raw };
  const report = at(0) === 'report' ? 1 : 0;
  if (at(report) === 'enrollment' && FAILURE_WORDS.has(at(report + 1) ?? '')) {
    const found = scope(words.slice(report + 2).filter((t) => !['device', 'user'].includes(t.lower)));
    if (!found) return undefined;
    if (report)
      return found.deviceName
        ? { kind: 'reportEnrollmentFailure', deviceName: found.deviceName }
        : found.user
          ? undefined
          : { kind: 'reportEnrollmentFailure' };
    return { kind: 'enrollmentFailures', ...found };
  }
  return undefined;
}
