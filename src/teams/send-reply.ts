import { CardFactory, type TurnContext } from 'botbuilder';
import type { Reply } from '../bot/reply';

/** Sends a handler's reply as a message: a card (with its text), a text, or nothing for `done`. */
export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  if (reply.kind === 'card') {
    await context.sendActivity({ type: 'message', text: reply.text, attachments: [CardFactory.adaptiveCard(reply.card)] });
  } else if (reply.kind === 'text' || reply.text) {
    await context.sendActivity(reply.text ?? '');
  }
}
