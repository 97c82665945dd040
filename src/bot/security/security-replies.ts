import type { AdaptiveCard } from '../../cards/render';
import { text, type Reply } from '../reply';
import type { Turn } from '../turn';
import type { AdminDecision } from './admin-check';
import type { AdminRole } from '../../config/roles';

const ADMIN_WORDS = {
  'elevation-admin': { rights: 'elevation admin', who: 'elevation administrators can see elevation details', list: 'ELEVATION_ADMINS' },
  'bot-admin': { rights: 'bot admin', who: "the bot's administrators can read the audit log", list: 'BOT_ADMINS' },
} as const satisfies Record<AdminRole, { rights: string; who: string; list: string }>;

/** The polite no of an admin check. Nothing was fetched; the words do not say who else is an admin. */
export function refusal(
  decision: Extract<AdminDecision, { allowed: false }>,
  turn: Turn,
  mode: 'sandbox' | 'live' = 'live',
  role: AdminRole = 'elevation-admin',
): Reply {
  const words = ADMIN_WORDS[role];
  if (decision.reason === 'check_failed') {
    return text(
      `I could not check your ${words.rights} rights just now, so I did not show anything. Please try again in a minute (reference ${turn.correlationId}).`,
    );
  }
  const no = `Sorry, only ${words.who}. If you need access, ask whoever runs MMD Assist to add you.`;
  // In sandbox mode, say how to let yourself in: trying the flow is the point there.
  const identity = decision.upn ?? decision.aadObjectId;
  if (mode === 'sandbox' && identity) {
    return text(`${no}\n\nSandbox mode: to try it, start the bot with ${words.list} set to ${identity}.`);
  }
  return text(no);
}

/**
 * Asked in a group chat or channel: the card goes to the sender's 1:1 chat and the group hears
 * only that it was sent (no device details, no account, no password).
 */
export async function answerPrivately(
  turn: Turn,
  body: AdaptiveCard,
  what: string,
  onSent?: (sent: { conversationId: string; activityId?: string }) => Promise<void>,
): Promise<Reply> {
  const delivered = await turn.sendPrivately(body);
  if (delivered.ok) {
    await onSent?.(delivered);
    return text(`I sent ${what} to you privately, in our 1:1 chat.`);
  }
  return text(`I could not open a 1:1 chat with you, so I did not send ${what}. Add MMD Assist as a personal app and ask me there.`);
}
