import { words, type Plain } from './escape';
import type { Now } from './local-time';
import type { ElevationRequest } from '../mmd/types';
import { parseDate, relativeTime, type TextColor } from './format';

export interface ElevationState {
  open: boolean;
  /** "Open" or "Closed 2 days ago". */
  text: Plain;
  color: TextColor;
}

/** Open until the service records a closure time; the API has no state field of its own. */
export function elevationState(request: ElevationRequest, now: Now): ElevationState {
  const closed = parseDate(request.requestClosureTime);
  if (!closed) return { open: true, text: words('Open'), color: 'Accent' };
  return { open: false, text: words(`Closed ${relativeTime(request.requestClosureTime, now)}`), color: 'Good' };
}
