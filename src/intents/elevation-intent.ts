/**
 * Elevation requests (a list) versus a device's elevation details, which hold a local admin
 * password: only the handler decides who may see those; the parser just names the device.
 */
import { findDeviceName } from './device-mention';
import type { Intent } from './intent';
import type { Token } from './tokens';
import type { Family } from './vocabulary';

const DETAILS_WORDS: ReadonlySet<string> = new Set(['details', 'detail', 'info', 'information']);
const REQUEST_WORDS: ReadonlySet<string> = new Set(['request', 'requests']);
const OPEN_WORDS: ReadonlySet<string> = new Set(['open', 'opened', 'pending', 'active', 'current']);
const CLOSED_WORDS: ReadonlySet<string> = new Set(['closed', 'done', 'finished', 'ended', 'past']);

/** "elevations open" / "closed elevation requests": the list's state filter; both or neither: no filter. */
function stateFilter(tokens: readonly Token[]): { state?: 'open' | 'closed' } {
  const open = hasWord(tokens, OPEN_WORDS);
  const closed = hasWord(tokens, CLOSED_WORDS);
  if (open === closed) return {};
  return { state: open ? 'open' : 'closed' };
}

const hasWord = (tokens: readonly Token[], words: ReadonlySet<string>): boolean => tokens.some((t) => words.has(t.lower));

/** "elevation MMD-1234" and "password for X" are the details (a secret); plurals are the list. */
export function elevationIntent(tokens: readonly Token[], family: Family, text: string): Intent {
  const deviceName = findDeviceName(tokens);
  const singular = tokens.some((t) => t.lower === 'elevation');
  const wantsDetails =
    family === 'secret' ||
    (singular && hasWord(tokens, DETAILS_WORDS)) ||
    (singular && !tokens.some((t) => t.lower === 'elevations') && !hasWord(tokens, REQUEST_WORDS) && deviceName !== undefined);
  if (!wantsDetails) return { kind: 'elevations', ...(deviceName !== undefined ? { deviceName } : {}), ...stateFilter(tokens) };
  if (deviceName !== undefined) return { kind: 'elevation', deviceName };
  return { kind: 'unknown', text, suggestions: ['elevation'] };
}
