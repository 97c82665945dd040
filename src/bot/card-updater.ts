import type { AdaptiveCard } from '../cards/render';
import type { StoredReference } from '../state/stored-reference';

/**
 * Replaces a card the bot sent earlier, outside any turn (proactively). src/teams implements
 * it; throws on failure, with `statusCode` 403/404 when the card is gone for good.
 */
export interface CardUpdater {
  updateCard(reference: StoredReference, activityId: string, card: AdaptiveCard): Promise<void>;
}
