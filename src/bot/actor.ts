import type { Author } from '../protocol/attribution';
import type { Turn } from './turn';

/** Who sent this turn, as the audit log and the attribution line name them. */
export interface Actor extends Author {
  /** Teams' user id (always known). */
  id: string;
}

const text = (value: string | undefined): string | undefined => value?.trim() || undefined;

/** The sender from Teams' roster (name, UPN), else what the activity itself says. */
export async function actorOf(turn: Turn): Promise<Actor> {
  const member = await turn.member();
  return {
    id: turn.user.id,
    aadObjectId: text(member?.aadObjectId) ?? text(turn.user.aadObjectId),
    name: text(member?.name) ?? text(turn.user.name),
    upn: text(member?.userPrincipalName) ?? text(member?.email),
  };
}
