import type { Turn } from '../turn';

/**
 * Who is asking, as the role checks need it: a chat turn is one; the tab builds one from the
 * SSO token (src/tab/tab-policy.ts), so both front ends are judged by the same checks.
 */
export type Asker = Pick<Turn, 'user' | 'member' | 'signal' | 'log' | 'correlationId'>;

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
export async function memberIdentity(turn: Asker): Promise<MemberIdentity> {
  const member = await turn.member();
  if (!member) return { aadObjectId: turn.user.aadObjectId };
  const upn = member.userPrincipalName?.trim().toLowerCase() ?? '';
  return { upn: upn || undefined, aadObjectId: turn.user.aadObjectId ?? member.aadObjectId };
}
