import { plain } from './escape';
import { renderCard, type AdaptiveCard } from './render';

/*
 * Teams waits about 5 s for a card button's answer. When the work takes longer, this card
 * answers in time and is replaced by the result when it is ready (src/teams/teams-bot.ts).
 */

/** The answer in time: the work goes on, this card will be updated with its result. */
export function workingOnItCard({ correlationId }: { correlationId: string }): AdaptiveCard {
  return renderCard('working-on-it', {
    headline: 'Working on it',
    message:
      'This is taking longer than Teams waits for a button. This card will show the result as soon as it is ready; there is no need to press again.',
    correlationId: plain(correlationId),
  });
}

/** What replaces the working card when the late result is a message rather than a card (shown as typed). */
export function lateNoticeCard({ text, correlationId }: { text: string; correlationId: string }): AdaptiveCard {
  return renderCard('working-on-it', { headline: 'Done', message: plain(text), correlationId: plain(correlationId) });
}

/** A result that may only ever be the invoke response itself (a revealed password) came too late to show. */
export function tooLateToShowCard({ correlationId }: { correlationId: string }): AdaptiveCard {
  return renderCard('working-on-it', {
    headline: 'That took too long',
    message:
      'The answer was ready only after Teams stopped waiting, and it can only be shown as the direct answer to your button. Ask again: it is usually quicker the second time.',
    correlationId: plain(correlationId),
  });
}
