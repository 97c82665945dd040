import type { MmdClient, TicketListQuery } from '../mmd/mmd-client';
import type { Ticket } from '../mmd/types';
import { paginate } from '../http/paging';
import type { Storage } from '../storage/storage';
import { diffTicket, newNotes, type TicketChange } from './diff';
import { changeEventId } from './notify-event';
import { notifyKeys as keys } from './notify-keys';
import { silentLog, type NotifyLog } from './notify-log';
import type { Outbox } from './outbox';
import { matchesFilter, type SubscriptionFilter } from './subscription-filter';
import type { SubscriptionStore } from './subscription-store';
import { noteSummary, ticketSnapshot, type NoteSummary, type TicketSnapshot } from './ticket-snapshot';

/** The poller's memory of every listed ticket; `rev` counts the changes noticed. */
interface SnapshotDoc {
  tickets: Record<string, { s: TicketSnapshot; rev: number }>;
}

/** Note ids seen per followed ticket, and when the notes were last fetched. */
interface NoteState {
  ids: string[];
  checkedAt: string;
}

export interface PollerOptions {
  mmd: Pick<MmdClient, 'tickets'>;
  storage: Storage;
  subscriptions: SubscriptionStore;
  outbox: Outbox;
  now: () => Date;
  log?: NotifyLog;
  /** Tickets per list call (default 100). */
  pageSize?: number;
  /** Loop guard on a service that keeps saying "more" (default 500 pages). */
  maxPages?: number;
  /** Narrows the list ($filter), e.g. to the states anyone can follow. Default: every ticket. */
  listQuery?: Pick<TicketListQuery, 'states' | 'severities'>;
  /**
   * The list entry carries no modification time (the documents list tickets with empty notes),
   * so a note that changes nothing else is found by fetching the notes of followed tickets:
   * open ones every poll, resolved and closed ones every `notesEveryMs` (15 min), at most
   * `notesPerPoll` (NOTIFY_NOTES_PER_POLL, default 20) per poll, round-robin.
   */
  notesEveryMs?: number;
  notesPerPoll?: number;
}

const OPEN_STATES = new Set(['new', 'active']);
const DEFAULT_NOTES_PER_POLL = 20;

/** One listed ticket between the two passes of a poll. */
interface Seen {
  ticket: Ticket;
  snap: TicketSnapshot;
  before: { s: TicketSnapshot; rev: number } | undefined;
  changes: TicketChange[];
  watchers: Array<{ conversationKey: string; filter: SubscriptionFilter }>;
  isFollowed: boolean;
  state: NoteState | undefined;
}

export interface PollReport {
  baseline: boolean;
  pages: number;
  tickets: number;
  notesCalls: number;
  events: number;
}

/**
 * One poll cycle: list every ticket (newest first, page by page), diff each against the stored
 * snapshot, fetch notes for followed tickets that changed or are due (see notesToCheck), and write one
 * event per changed followed ticket to the outbox. The API cost is one call per page plus one
 * per notes fetch, whatever the number of subscribers: fan-out happens in the outbox.
 */
export class Poller {
  private readonly log: NotifyLog;
  private budgetLimited = false;

  constructor(private readonly options: PollerOptions) {
    this.log = options.log ?? silentLog;
  }

  /** One poll; `signal` (the notifier stopping) cuts its API calls short. */
  async poll(signal?: AbortSignal): Promise<PollReport> {
    const { storage, subscriptions, mmd, now } = this.options;
    const followed = await subscriptions.followedTickets();
    const filters = await subscriptions.filters();
    const previous = (await storage.get<SnapshotDoc>(keys.snapshot))?.value;
    const baseline = previous === undefined;
    const next: SnapshotDoc = { tickets: { ...(previous?.tickets ?? {}) } };
    const report: PollReport = { baseline, pages: 0, tickets: 0, notesCalls: 0, events: 0 };
    let changed = baseline;

    const list: typeof mmd.tickets.list = (query) => {
      report.pages += 1;
      return mmd.tickets.list(query, { signal });
    };
    const query = {
      ...this.options.listQuery,
      top: this.options.pageSize ?? 100,
      orderBy: { field: 'createdDateTime', direction: 'desc' } as const,
    };
    // The whole list first: which followed tickets get a notes fetch is chosen over all of them.
    const seen: Seen[] = [];
    for await (const ticket of paginate(list, query, { maxPages: this.options.maxPages ?? 500 })) {
      report.tickets += 1;
      const snap = ticketSnapshot(ticket);
      const before = previous?.tickets[snap.id];
      if (baseline) {
        next.tickets[snap.id] = { s: snap, rev: 0 };
        continue;
      }
      const changes: TicketChange[] = before ? diffTicket(before.s, snap) : [{ kind: 'created' }];
      const watchers = filters.filter(
        ({ filter }) => matchesFilter(filter, snap) || (before !== undefined && matchesFilter(filter, before.s)),
      );
      const isFollowed = followed.has(snap.id) || watchers.length > 0;
      const state = isFollowed && before ? (await storage.get<NoteState>(keys.notes(snap.id)))?.value : undefined;
      seen.push({ ticket, snap, before, changes, watchers, isFollowed, state });
    }

    const cadence = this.notesToCheck(seen);
    for (const { ticket, snap, before, changes, watchers, isFollowed, state } of seen) {
      let seenNotes: string[] | undefined;
      if (isFollowed && before) {
        let notes: NoteSummary[] | undefined;
        if (ticket.notes.length > 0) notes = ticket.notes.map(noteSummary);
        else if (changes.length > 0 || cadence.has(snap.id)) {
          report.notesCalls += 1;
          notes = (await mmd.tickets.notes(snap.id, { signal })).map(noteSummary);
        }
        if (notes) {
          const fresh = state ? newNotes(state.ids, notes) : await this.notesSinceFollowed(snap.id, watchers, notes);
          for (const note of fresh) changes.push({ kind: 'note', note });
          seenNotes = [...new Set([...(state?.ids ?? []), ...notes.map((n) => n.id)])];
        }
      }

      if (changes.length > 0 && isFollowed) {
        const direct = changes.some((c) => c.kind === 'created') ? [] : await subscriptions.subscribersOf(snap.id);
        const subscribers = [...new Set([...direct, ...watchers.map((w) => w.conversationKey)])];
        if (subscribers.length > 0) {
          const written = await this.options.outbox.write({
            kind: 'change',
            id: changeEventId(snap.id, before?.rev ?? 0, changes),
            ticket: snap,
            changes,
            at: now().toISOString(),
            subscribers,
          });
          if (written) report.events += 1;
        }
      }
      // After the event: a crash in between writes the same event (same id) again, not a new one.
      if (seenNotes) await storage.set(keys.notes(snap.id), { ids: seenNotes, checkedAt: now().toISOString() } satisfies NoteState);
      const fieldChanges = changes.filter((c) => c.kind !== 'note').length;
      if (!before || fieldChanges > 0) {
        next.tickets[snap.id] = { s: snap, rev: (before?.rev ?? 0) + (before ? 1 : 0) };
        changed = true;
      }
    }
    if (changed) await storage.set(keys.snapshot, next);
    if (report.events > 0) this.log.info({ ...report }, 'notify: poll found changes');
    return report;
  }

  /**
   * Followed tickets whose notes are fetched this poll although their list entry did not change:
   * open ones (New, Active) on every poll, resolved and closed ones every `notesEveryMs`, the
   * longest unchecked first, at most `notesPerPoll`. With more open followed tickets than the
   * budget, each is checked every ceil(open / budget) polls (logged when that starts or ends).
   */
  private notesToCheck(seen: readonly Seen[]): Set<string> {
    const { now } = this.options;
    const budget = this.options.notesPerPoll ?? DEFAULT_NOTES_PER_POLL;
    const slowMs = this.options.notesEveryMs ?? 15 * 60_000;
    const checkedAt = (s: Seen) => (s.state ? Date.parse(s.state.checkedAt) : Number.NEGATIVE_INFINITY);
    const candidates = seen.filter((s) => s.isFollowed && s.before && s.changes.length === 0 && s.ticket.notes.length === 0);
    const open = candidates.filter((s) => isOpen(s.snap.state));
    const dueClosed = candidates.filter((s) => !isOpen(s.snap.state) && now().getTime() - checkedAt(s) >= slowMs);
    const chosen = [...open, ...dueClosed].sort((a, b) => checkedAt(a) - checkedAt(b)).slice(0, budget);
    const limited = open.length > budget;
    if (limited !== this.budgetLimited) {
      this.budgetLimited = limited;
      if (limited) {
        this.log.info(
          { openFollowed: open.length, notesPerPoll: budget, cyclePolls: Math.ceil(open.length / budget) },
          "notify: more open followed tickets than the notes budget; each ticket's notes are checked every cyclePolls polls (NOTIFY_NOTES_PER_POLL)",
        );
      } else
        this.log.info(
          { openFollowed: open.length, notesPerPoll: budget },
          "notify: every open followed ticket's notes are checked on every poll again",
        );
    }
    return new Set(chosen.map((s) => s.snap.id));
  }

  /**
   * Notes of a followed ticket that has no notes baseline yet (subscribe all, or a subscription
   * made without one): those written since it was followed are news, the older ones are not.
   */
  private async notesSinceFollowed(
    ticketId: string,
    watchers: ReadonlyArray<{ filter: SubscriptionFilter }>,
    notes: readonly NoteSummary[],
  ): Promise<NoteSummary[]> {
    const times = [...(await this.options.subscriptions.followedSince(ticketId)), ...watchers.map((w) => w.filter.since)]
      .map((t) => Date.parse(t ?? ''))
      .filter((t) => !Number.isNaN(t));
    if (times.length === 0) return [];
    const since = Math.min(...times);
    return newNotes([], notes).filter((n) => Date.parse(n.createdDateTime ?? '') >= since);
  }
}

/** Every ticket as the last poll listed it (title, state ...), by id; empty before the first poll. */
export async function lastListedTickets(storage: Storage): Promise<Record<string, TicketSnapshot>> {
  const doc = (await storage.get<SnapshotDoc>(keys.snapshot))?.value;
  return Object.fromEntries(Object.entries(doc?.tickets ?? {}).map(([id, t]) => [id, t.s]));
}

/** New and Active tickets: Microsoft may write at any moment, so their notes are read each poll. */
function isOpen(state: string | null): boolean {
  return OPEN_STATES.has((state ?? '').trim().toLowerCase());
}
