import type { AdaptiveCard } from '../../src/cards/render';
import type { NotifyTarget } from '../../src/notify/notify-target';
import { DeliveryError, type Sender, type SendOptions } from '../../src/notify/sender';

export interface Received {
  conversation: string;
  card: AdaptiveCard;
  options: SendOptions;
  at: number;
  activityId: string;
}

/**
 * A connector that behaves like Teams towards proactive sends: it enforces the published
 * limits (per conversation 7 per 1 s and 60 per 30 s, overall `maxPerSecond` per 1 s) by
 * answering 429 with Retry-After, and plays scripted answers per conversation.
 */
export class FakeTeams implements Sender {
  readonly received: Received[] = [];
  throttled = 0;
  private readonly script = new Map<string, DeliveryError[]>();
  private readonly times: Array<{ conversation: string; at: number }> = [];
  private next = 1;
  /** Called before each send; throwing simulates a crash before the send reached Teams. */
  beforeSend: (conversation: string) => void = () => {};

  constructor(
    private readonly now: () => number,
    private readonly maxPerSecond = 50,
  ) {}

  /** The next answers for a conversation, in order, before it succeeds again. */
  failNext(conversation: string, ...errors: DeliveryError[]): void {
    this.script.set(conversation, [...(this.script.get(conversation) ?? []), ...errors]);
  }

  private over(conversation: string | undefined, count: number, windowMs: number, at: number): boolean {
    return (
      this.times.filter((t) => (conversation === undefined || t.conversation === conversation) && t.at > at - windowMs && t.at <= at)
        .length >= count
    );
  }

  async send(target: NotifyTarget, card: AdaptiveCard, options: SendOptions = {}): Promise<{ activityId: string }> {
    this.beforeSend(target.key);
    await Promise.resolve();
    const scripted = this.script.get(target.key)?.shift();
    if (scripted) throw scripted;
    const at = this.now();
    if (this.over(target.key, 7, 1000, at) || this.over(target.key, 60, 30_000, at) || this.over(undefined, this.maxPerSecond, 1000, at)) {
      this.throttled += 1;
      throw new DeliveryError('throttled', 'send failed with 429', 429, 'Throttled', 1000);
    }
    this.times.push({ conversation: target.key, at });
    const activityId = options.updateActivityId ?? `act-${this.next++}`;
    this.received.push({ conversation: target.key, card, options, at, activityId });
    return { activityId };
  }

  to(conversation: string): Received[] {
    return this.received.filter((r) => r.conversation === conversation);
  }
}
