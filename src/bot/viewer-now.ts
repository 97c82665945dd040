import { viewerNow, type Now } from '../cards/local-time';
import type { BotDeps } from './deps';
import type { Turn } from './turn';

/**
 * "now" for the cards of this turn, in the sender's time zone: Teams' `localTimezone` when it
 * names a zone this runtime knows, else the UTC offset of the activity's `localTimestamp`, else
 * UTC. Cards inserted for others (message extension results) keep UTC: their readers differ.
 */
export function nowFor(turn: Pick<Turn, 'localTimezone' | 'utcOffsetMinutes'>, deps: Pick<BotDeps, 'now'>): Now {
  return viewerNow(deps.now(), { timeZone: turn.localTimezone, offsetMinutes: turn.utcOffsetMinutes });
}
