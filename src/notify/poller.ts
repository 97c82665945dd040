import type { MmdClient, TicketListQuery } from '../mmd/mmd-client';
import { paginate } from '../http/paging';
import type { Storage } from '../storage/storage';
import { diffTicket, newNotes, type TicketChange } from './diff';
import { changeEventId } from './notify-event';
import { notifyKeys as keys } from './notify-keys';
import { silentLog, type NotifyLog } from './notify-log';
import type { Outbox } from './outbox';
import { matchesFilter } from './subscription-filter';
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
   * so a note that changes nothing else is found by fetching the notes of followed tickets now
   * and then: at most `notesPerPoll` per poll, each at most every `notesEveryMs` (15 min).
   */
  notesEveryMs?: number;
  notesPerPoll?: number;
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
 * snapshot, fetch notes only for followed tickets that changed (or are due), and write one
 * event per changed followed ticket to the outbox. The API cost is one call per page plus one
 * per notes fetch, whatever the number of subscribers: fan-out happens in the outbox.
 */
export class Poller {
  private readonly log: NotifyLog;

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
    let cadenceBudget = this.options.notesPerPoll ?? 20;
    let changed = baseline;

    const list: typeof mmd.tickets.list = (query) => {
      report.pages += 1;
      return mmd.tickets.list(query, { signal });
    };
    const query = { ...this.options.listQuery, top: this.options.pageSize ?? 100, orderBy: { field: 'createdDateTime', direction: 'desc' } as const };
    for await (const ticket of paginate(list, query, { maxPages: this.options.maxPages ?? 500 })) {
      report.tickets += 1;
      const snap = ticketSnapshot(ticket);
      const before = previous?.tickets[snap.id];
      if (baseline) {
        next.tickets[snap.id] = { s: snap, rev: 0 };
        continue;
      }
      const changes: TicketChange[] = before ? diffTicket(before.s, snap) : [{ kind: 'created' }];
      const watchers = filters.filter(({ filter }) => matchesFilter(filter, snap) || (before !== undefined && matchesFilter(filter, before.s)));
      const isFollowed = followed.has(snap.id) || watchers.length > 0;

      let seenNotes: string[] | undefined;
      if (isFollowed && before) {
        const state = (await storage.get<NoteState>(keys.notes(snap.id)))?.value;
        const due = !state || now().getTime() - Date.parse(state.checkedAt) >= (this.options.notesEveryMs ?? 15 * 60_000);
        const inEntry = ticket.notes.length > 0;
        let notes: NoteSummary[] | undefined;
        if (inEntry) notes = ticket.notes.map(noteSummary);
        else if (changes.length > 0 || (due && cadenceBudget > 0)) {
          if (changes.length === 0) cadenceBudget -= 1;
          report.notesCalls += 1;
          notes = (await mmd.tickets.notes(snap.id, { signal })).map(noteSummary);
        }
        if (notes) {
          // No state yet: this fetch is the baseline (the ticket just became followed).
          if (state) for (const note of newNotes(state.ids, notes)) changes.push({ kind: 'note', note });
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
}
