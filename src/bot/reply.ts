import type { AdaptiveCard } from '../cards/render';
import { messageCard, type MessagePart } from '../cards/message-card';

/**
 * What a handler answers. The bot turns it into a sent message (message turns) or an invoke
 * response that replaces the card in place (Action.Execute).
 */
export type Reply =
  /**
   * `inPlaceOnly`: the card may only be the direct answer to an Action.Execute (a revealed
   * password: user-specific, never sent or stored); too late for that, it is not shown at all,
   * and `discarded` (if any) is called so the handler can record that (the audit says so).
   */
  | { kind: 'card'; card: AdaptiveCard; text?: string; inPlaceOnly?: boolean; discarded?: () => Promise<void> }
  | { kind: 'text'; text: string }
  /** The handler already did what was needed (e.g. sent privately). */
  | { kind: 'done'; text?: string };

export const card = (c: AdaptiveCard, text?: string): Reply => ({ kind: 'card', card: c, text });
export const text = (t: string): Reply => ({ kind: 'text', text: t });

/** A short answer in our words with the values it is about, as a small card (no markdown anywhere). */
export const say = (...parts: MessagePart[]): Reply => card(messageCard(parts));
