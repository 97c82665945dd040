import { splitName, type FormContact } from '../../protocol/form-contact';
import type { Turn } from '../turn';

const clean = (value: unknown, max: number): string => (typeof value === 'string' ? value.trim().slice(0, max) : '');

/**
 * The contact from the user's Teams profile (given name, surname, e-mail or UPN). When the
 * look-up failed (no roster access, a channel the bot cannot read, a timeout), the display name
 * from the activity is split into given name and surname instead. Teams has no phone number
 * for us: the user types it.
 */
export async function contactFromProfile(turn: Turn): Promise<FormContact> {
  const member = await turn.member();
  if (!member) return { ...splitName(turn.user.name), email: '', phone: '' };
  const fromName = splitName(member.name || turn.user.name);
  return {
    givenName: clean(member.givenName, 64) || fromName.givenName,
    surname: clean(member.surname, 64) || fromName.surname,
    email: clean(member.email, 254) || clean(member.userPrincipalName, 254),
    phone: '',
  };
}
