import type { AdaptiveCard } from '../../cards/render';

/** One search or unfurl result: the small card Teams lists, and the full card it inserts. */
export interface ResultItem {
  /** A thumbnail card's content (src/cards/search-preview-card.ts). */
  preview: Record<string, unknown>;
  card: AdaptiveCard;
}

/**
 * What a message extension handler answers, in the extension's own terms. The Teams edge
 * (src/teams/extension-response.ts) turns it into the invoke response Teams expects:
 * `results` and `message` as `composeExtension`, `dialog` and `dialogMessage` as `task`.
 */
export type ExtensionReply =
  | { kind: 'results'; items: ResultItem[] }
  | { kind: 'message'; text: string }
  | { kind: 'dialog'; title: string; card: AdaptiveCard }
  | { kind: 'dialogMessage'; text: string }
  /** MMD_AUTH=user and not signed in: Teams' sign-in answer with the OAuth connection's sign-in link. */
  | { kind: 'signIn'; url: string };

export const results = (items: ResultItem[]): ExtensionReply => ({ kind: 'results', items });
export const extensionMessage = (text: string): ExtensionReply => ({ kind: 'message', text });
export const dialog = (title: string, card: AdaptiveCard): ExtensionReply => ({ kind: 'dialog', title, card });
export const dialogMessage = (text: string): ExtensionReply => ({ kind: 'dialogMessage', text });
