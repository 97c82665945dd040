import { randomUUID } from 'node:crypto';
import type { PrivateDelivery, Turn, TurnMember } from '../../src/bot/turn';
import type { AdaptiveCard } from '../../src/cards/render';
import { createLogger } from '../../src/log/logger';
import type { StoredReference } from '../../src/state/stored-reference';

/** A Turn with no Teams behind it: records what a handler asked of the edge. */
export interface FakeTurn extends Turn {
  updated: Array<{ activityId: string; card: AdaptiveCard }>;
  sent: AdaptiveCard[];
  sentPrivately: AdaptiveCard[];
  memberLookups: number;
}

export interface FakeTurnOptions extends Partial<
  Pick<Turn, 'kind' | 'conversation' | 'conversationId' | 'user' | 'replyToId' | 'utcOffsetMinutes'>
> {
  member?: TurnMember;
  /** What sendPrivately answers (default: delivered). */
  privateDelivery?: PrivateDelivery;
  reference?: StoredReference;
}

export function fakeTurn(options: FakeTurnOptions = {}): FakeTurn {
  const turn: FakeTurn = {
    correlationId: randomUUID(),
    kind: options.kind ?? 'message',
    conversation: options.conversation ?? 'personal',
    conversationId: options.conversationId ?? 'conversation-1',
    tenantId: 'tenant-1',
    user: options.user ?? { id: 'user-1', name: 'Adele Vance', aadObjectId: 'aad-user-1' },
    replyToId: options.replyToId,
    utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
    signal: new AbortController().signal,
    log: createLogger({ level: 'silent' }),
    updated: [],
    sent: [],
    sentPrivately: [],
    memberLookups: 0,
    async member() {
      turn.memberLookups += 1;
      return options.member;
    },
    async sendCard(card) {
      turn.sent.push(card);
      return `sent-${turn.sent.length}`;
    },
    async updateCard(activityId, card) {
      turn.updated.push({ activityId, card });
    },
    async sendPrivately(card) {
      turn.sentPrivately.push(card);
      return options.privateDelivery ?? { ok: true, conversationId: 'personal-new' };
    },
    reference: () => options.reference,
  };
  return turn;
}
