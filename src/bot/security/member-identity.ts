import type { Turn } from '../turn';

export interface MemberIdentity {
  /** Lower-cased. */
  upn?: string;
  aadObjectId?: string;
}

/**
 * The sender's UPN and object id as Teams knows them (the activity carries no UPN). When the
 * roster look-up failed, what the activity says and nothing more: the admin check then decides
 * on the object id alone.
 */
export async function memberIdentity(turn: Turn): Promise<MemberIdentity> {
  const member = await turn.member();
  if (!member) return { aadObjectId: turn.user.aadObjectId };
  const upn = member.userPrincipalName?.trim().toLowerCase() ?? '';
  return { upn: upn || undefined, aadObjectId: turn.user.aadObjectId ?? member.aadObjectId };
}
