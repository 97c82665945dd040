import { SettingsStore } from '../../src/notify/conversation-settings';
import { Delivery } from '../../src/notify/delivery';
import { MessageStore } from '../../src/notify/message-store';
import type { ChangeEvent } from '../../src/notify/notify-event';
import { Outbox } from '../../src/notify/outbox';
import { RateLimiter, teamsLimits } from '../../src/notify/rate-limiter';
import type { Sender } from '../../src/notify/sender';
import { SubscriptionStore } from '../../src/notify/subscription-store';
import type { TicketSnapshot } from '../../src/notify/ticket-snapshot';
import type { Storage } from '../../src/storage/storage';
import type { VirtualClock } from './virtual-clock';

export interface NotifySystem {
  outbox: Outbox;
  subscriptions: SubscriptionStore;
  settings: SettingsStore;
  messages: MessageStore;
  delivery: Delivery;
}

/** The notifier's stores and delivery over one storage, on a virtual clock. */
export function notifySystem(storage: Storage, sender: Sender, clock: VirtualClock, maxPerSecond = 50): NotifySystem {
  const outbox = new Outbox(storage);
  const subscriptions = new SubscriptionStore(storage);
  const settings = new SettingsStore(storage);
  const messages = new MessageStore(storage);
  const delivery = new Delivery({
    outbox,
    subscriptions,
    settings,
    messages,
    sender,
    limiter: new RateLimiter(teamsLimits(maxPerSecond), clock.now),
    now: clock.date,
    sleep: clock.sleep,
    random: () => 0.5,
  });
  return { outbox, subscriptions, settings, messages, delivery };
}

export const TICKET: TicketSnapshot = {
  id: 'MMD-1465058-R5V8P',
  title: 'Outlook crashes',
  state: 'resolved',
  severity: 2,
  nextActionOwner: 'Customer',
  nextActionTime: null,
  resolvedDateTime: '2026-11-22T12:00:00Z',
  createdDateTime: '2026-11-19T14:02:00Z',
};

/** A change event as the poller writes it. */
export function changeEvent(id: string, subscribers: string[], at: string, ticket: TicketSnapshot = TICKET): ChangeEvent {
  return {
    kind: 'change',
    id,
    ticket,
    changes: [{ kind: 'field', field: 'state', from: 'active', to: ticket.state }],
    at,
    subscribers,
  };
}
