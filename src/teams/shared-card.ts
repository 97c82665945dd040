import type { Activity } from 'botbuilder';

const CARD_TYPES = /^application\/vnd\.microsoft\.card\./i;

/**
 * A card the user put into the chat from the message extension (a search result, an unfurled
 * link, a new ticket): the message carries the card and no words of its own, only Teams'
 * placeholder markup (`<span class="inline-compose-card" …>`, `<attachment id=…>`). It is not a
 * command, so the bot stays quiet instead of answering "I did not understand".
 */
export function isSharedCard(activity: Pick<Activity, 'text' | 'attachments'>): boolean {
  if (!activity.attachments?.some((a) => CARD_TYPES.test(a.contentType ?? ''))) return false;
  const words = (activity.text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .trim();
  return words === '';
}
