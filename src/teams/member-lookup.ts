import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger';
import type { TurnMember } from '../bot/turn';

/** A slow roster call must not hold up the turn: Teams gives an invoke about 5 s in total. */
const MEMBER_LOOKUP_TIMEOUT_MS = 2500;

/**
 * The sender's roster entry (TeamsInfo.getMember): the one place the bot asks Teams who someone
 * is. A failed look-up (not in the roster, a channel the bot cannot read, connector down, slow)
 * is logged once and answers undefined; callers fall back to what the activity says.
 */
export async function lookupMember(context: TurnContext, userId: string, log: Logger): Promise<TurnMember | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const member = await Promise.race([
      TeamsInfo.getMember(context, userId),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('member look-up timed out')), MEMBER_LOOKUP_TIMEOUT_MS);
      }),
    ]);
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      name: text(member.name),
      givenName: text(member.givenName),
      surname: text(member.surname),
      email: text(member.email),
      userPrincipalName: text(member.userPrincipalName),
      aadObjectId: text(member.aadObjectId),
    };
  } catch (err) {
    const status = err && typeof err === 'object' ? (err as { statusCode?: unknown }).statusCode : undefined;
    log.warn({ status: typeof status === 'number' ? status : undefined, err: err }, 'Teams member look-up failed');
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
