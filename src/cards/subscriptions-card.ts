import { executeIfValid, type ExecuteAction } from './card-action';
import { capped, facts } from './card-parts';
import { plain, plainShort, words, type Plain } from './escape';
import { ticketStateLabel } from './format';
import { renderCard, type AdaptiveCard } from './render';

/** Rows listed; the rest are counted (the card stays well under Teams' 28 KB). */
const MAX_TICKETS = 40;

export interface SubscriptionsInput {
  /** Ticket ids this conversation follows. */
  ticketIds: readonly string[];
  /** Title and state of the followed tickets, where known (raw service text: escaped here). */
  details?: Readonly<Record<string, { title: string | null; state: string | null }>>;
  /** `subscribe all` of this conversation in words ("severity 2 or higher, state active"), if any. */
  followsAll?: string;
  /** "off", "hourly" or "daily". */
  digest: string;
  /** "20:00-08:00 (Europe/Berlin)", if set. */
  quiet?: string;
}

/** What this conversation follows, each ticket with Open and Unsubscribe, and its notify settings. */
export function subscriptionsCard({ ticketIds, details = {}, followsAll, digest, quiet }: SubscriptionsInput): AdaptiveCard {
  const { shown, more } = capped([...ticketIds].sort(), MAX_TICKETS, 'tickets');
  const none = ticketIds.length === 0 && !followsAll;
  return renderCard('subscriptions', {
    heading: words(`This conversation follows ${ticketIds.length} ${ticketIds.length === 1 ? 'ticket' : 'tickets'}`),
    empty: none ? 'Nothing yet. Type `subscribe <ticket id>` or press Subscribe on a ticket card.' : '',
    tickets: shown.map((id) => ({
      id: plain(id),
      detail: detailText(details[id]),
      actions: [
        executeIfValid('Open', 'ticket.open', { id }),
        executeIfValid('Unsubscribe', 'ticket.unsubscribe', { id, view: 'subscriptions' }),
      ].filter((a): a is ExecuteAction => a !== null),
    })),
    settings: facts(
      [
        ['Every ticket', followsAll ? plain(followsAll) : words('')],
        ['Digest', plain(digest)],
        ['Quiet hours', quiet ? plain(quiet) : words('')],
        ['Not listed', more],
      ],
      true,
    ),
    hint: 'Change with `notify digest hourly|daily|off`, `notify quiet 20:00-08:00` or `notify quiet off`.',
  });
}

/** "Outlook crashes · Active", or '' when the ticket was not seen yet. */
function detailText(detail: { title: string | null; state: string | null } | undefined): Plain {
  if (!detail) return words('');
  return words(
    [plainShort(detail.title, 120, '(no title)'), detail.state ? plain(ticketStateLabel(detail.state)) : '']
      .filter((p) => p !== '')
      .join(' · '),
  );
}
