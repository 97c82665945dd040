import { plain } from './escape';
import { renderCard, type AdaptiveCard } from './render';

/**
 * Teams gives a message extension 5 seconds, then shows "unable to reach app". When the MMD API
 * is slower than that, this card answers in time instead.
 */
export function stillLoadingCard({ what, correlationId }: { what: string; correlationId: string }): AdaptiveCard {
  return renderCard('still-loading', {
    message: `${plain(what)} is taking longer than Teams waits. Try again in a moment: the answer is usually ready by then.`,
    correlationId: plain(correlationId),
  });
}
