import { CardFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Reply } from '../bot/reply';
import type { AdaptiveCard } from '../cards/render';

/** A card as a message (with its text, if any). */
export function cardActivity(card: AdaptiveCard, text?: string): Partial<Activity> {
  return { type: 'message', text, attachments: [CardFactory.adaptiveCard(card)] };
}

/** The message a handler's reply is sent as: a card (with its text), a text, or none for `done`. */
export function replyActivity(reply: Reply): Partial<Activity> | undefined {
  if (reply.kind === 'card') return cardActivity(reply.card, reply.text);
  if (reply.kind === 'text' || reply.text) return { type: 'message', text: reply.text ?? '' };
  return undefined;
}

/** Sends a handler's reply as a message (nothing for `done` without text). */
export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  const activity = replyActivity(reply);
  if (activity) await context.sendActivity(activity);
}
