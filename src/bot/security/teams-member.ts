import { TeamsInfo } from 'botbuilder';
import type { Turn } from '../turn';

export interface MemberIdentity {
  /** Lower-cased. */
  upn?: string;
  aadObjectId?: string;
}

/**
 * The sender's UPN and object id as Teams knows them (the activity carries no UPN). A failed
 * look-up (not in the roster, connector down) gives what the activity says and nothing more:
 * the admin check then decides on the object id alone.
 */
export async function memberIdentity(turn: Turn): Promise<MemberIdentity> {
  try {
    const member = await TeamsInfo.getMember(turn.context, turn.user.id);
    const upn = typeof member.userPrincipalName === 'string' ? member.userPrincipalName.trim().toLowerCase() : '';
    return {
      upn: upn || undefined,
      aadObjectId: turn.user.aadObjectId ?? (typeof member.aadObjectId === 'string' ? member.aadObjectId : undefined),
    };
  } catch (err) {
    const status = err && typeof err === 'object' ? (err as { statusCode?: unknown }).statusCode : undefined;
    turn.log.warn({ status: typeof status === 'number' ? status : undefined }, 'member look-up failed; deciding on the object id');
    return { aadObjectId: turn.user.aadObjectId };
  }
}
