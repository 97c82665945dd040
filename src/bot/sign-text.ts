import { attribute, type Attributed } from '../protocol/attribution';
import { actorOf } from './actor';
import type { BotDeps } from './deps';
import type { Turn } from './turn';

/**
 * Text written to MMD for the sender. With app context the service records the app, so the
 * text ends with the admin's name; with user context (MMD_AUTH=user) the service records the
 * user themselves, and the text is sent as typed.
 */
export async function signText(turn: Turn, deps: Pick<BotDeps, 'userContext'>, text: string, maxLength: number): Promise<Attributed> {
  if (deps.userContext) return text.length <= maxLength ? { ok: true, text } : { ok: false, room: maxLength };
  return attribute(text, await actorOf(turn), maxLength);
}
