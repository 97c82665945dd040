import { describeGrants, type Role } from '../../config/roles';
import { plain } from '../../cards/escape';
import { text, type Reply } from '../reply';
import type { Turn } from '../turn';
import type { Asker } from './member-identity';
import { memberIdentity } from './member-identity';
import type { RoleDecision } from './role-check';

const WHO_GRANTS: Record<Role, string> = {
  reader: 'DEFAULT_ROLE',
  operator: 'OPERATORS (or OPERATOR_GROUP_ID)',
  'elevation-admin': 'ELEVATION_ADMINS (or ELEVATION_ADMIN_GROUP_ID)',
  'bot-admin': 'BOT_ADMINS (or BOT_ADMIN_GROUP_ID)',
};

/**
 * The polite no of dispatch (src/bot/dispatch.ts): what was refused and which role it needs.
 * Nothing was fetched or changed. It never names who else has the role.
 */
export async function roleRefusal(turn: Turn, what: string, need: Role, decision: RoleDecision, mode: 'sandbox' | 'live'): Promise<Reply> {
  return text(await roleRefusalText(turn, what, need, decision, mode));
}

/** The same words as plain text (message extensions answer in their own format). */
export async function roleRefusalText(
  turn: Asker,
  what: string,
  need: Role,
  decision: RoleDecision,
  mode: 'sandbox' | 'live',
): Promise<string> {
  if (decision.checkFailed) {
    return `I could not check your rights just now, so I did not do that (${plain(what.toLowerCase())}). Please try again in a minute (reference ${turn.correlationId}).`;
  }
  const no = `Sorry, ${plain(what.toLowerCase())} needs the ${need} role, and you have the ${describeGrants(decision.roles)} role. If you need it, ask whoever runs MMD Assist.`;
  if (mode !== 'sandbox') return no;
  // In sandbox mode, say how to let yourself in: trying the flows is the point there.
  const { upn, aadObjectId } = await memberIdentity(turn);
  const identity = upn ?? aadObjectId;
  return identity ? `${no}\n\nSandbox mode: to try it, start the bot with ${WHO_GRANTS[need]} set to ${plain(identity)}.` : no;
}
