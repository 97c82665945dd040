import { roleAllows } from '../../config/roles';
import type { BotDeps } from '../deps';
import type { Turn } from '../turn';

/**
 * Whether this user's role may use a card's change buttons (Add note, New ticket, Request
 * elevation, the incident forms: all `operator` routes). Cards leave out the buttons a role
 * cannot use; the routes still refuse them if pressed from an older card.
 */
export async function canChange(turn: Turn, deps: BotDeps): Promise<boolean> {
  return roleAllows((await deps.security.roles.of(turn)).roles, 'operator');
}
