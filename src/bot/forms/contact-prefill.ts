import { TeamsInfo } from 'botbuilder';
import { splitName, type FormContact } from '../../protocol/form-contact';
import type { Turn } from '../turn';

/** A slow roster call must not hold up the form: Teams gives an invoke about 5 s in total. */
const LOOKUP_TIMEOUT_MS = 2500;

const clean = (value: unknown, max: number): string => (typeof value === 'string' ? value.trim().slice(0, max) : '');

/**
 * The contact from the user's Teams profile (TeamsInfo.getMember: given name, surname, e-mail or
 * UPN). When the look-up fails (no roster access, a channel the bot cannot read, a timeout),
 * the display name from the activity is split into given name and surname instead. Teams has
 * no phone number for us: the user types it.
 */
export async function contactFromProfile(turn: Turn): Promise<FormContact> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const member = await Promise.race([
      TeamsInfo.getMember(turn.context, turn.user.id),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('member look-up timed out')), LOOKUP_TIMEOUT_MS);
      }),
    ]);
    const fromName = splitName(member.name || turn.user.name);
    return {
      givenName: clean(member.givenName, 64) || fromName.givenName,
      surname: clean(member.surname, 64) || fromName.surname,
      email: clean(member.email, 254) || clean(member.userPrincipalName, 254),
      phone: '',
    };
  } catch (err) {
    turn.log.info({ err: { message: (err as Error)?.message } }, 'no Teams profile for the form contact; using the display name');
    return { ...splitName(turn.user.name), email: '', phone: '' };
  } finally {
    clearTimeout(timer);
  }
}
