import type { AdaptiveCard } from './render';

/**
 * Cards whose content depends only on a few inputs (help, welcome) are rendered once per
 * distinct inputs and the same frozen object is sent again: template expansion of the 8 KB help
 * card was most of that turn's cost. Frozen, so no caller can change what the next user sees.
 * Bounded: inputs such as a display name must not let the cache grow without end.
 */
export class CardCache {
  private readonly cards = new Map<string, AdaptiveCard>();

  constructor(private readonly maxEntries = 256) {}

  /** The card for `key` (built from every input the card depends on), rendered on first use. */
  get(key: string, render: () => AdaptiveCard): AdaptiveCard {
    const hit = this.cards.get(key);
    if (hit) return hit;
    const card = deepFreeze(render());
    if (this.cards.size >= this.maxEntries) this.cards.delete(this.cards.keys().next().value!);
    this.cards.set(key, card);
    return card;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
